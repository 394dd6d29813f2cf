package de.eakte.core.catalogue.changes;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import de.eakte.core.catalogue.OfficeDirectory;
import de.eakte.core.shared.DomainRuleViolation;
import de.eakte.core.shared.OfficeCode;
import de.eakte.core.shared.Role;
import de.eakte.core.shared.Values;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One proposed change to the offices, decided with four eyes like a {@link PurposeChange}: an
 * admin proposes to add an office or to rename one, a different admin approves or rejects, the
 * DPO may add an opinion. Of the proposer it keeps only a fingerprint.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class OfficeChange {

    public static final int NAME_MAX = 200;

    @AggregateIdentifier
    private OfficeChangeId changeId;
    private PurposeChangeStatus status;
    private String proposerFingerprint;

    protected OfficeChange() {
        // for Axon and Jackson snapshots
    }

    @CommandHandler
    public OfficeChange(ProposeOfficeChange command, OfficeDirectory offices, Clock clock) {
        FourEyes.requireRole(command.actor(), Role.ADMIN, "admin-only", "only an admin proposes catalogue changes");
        OfficeChangeId id = Values.requireNonNull("changeId", command.changeId());
        OfficeChangeKind kind = Values.requireNonNull("kind", command.kind());
        OfficeCode code = Values.requireNonNull("code", command.code());
        boolean inForce = offices.office(code).isPresent();
        if (kind == OfficeChangeKind.ADD && inForce) {
            throw DomainRuleViolation.invalid("office-exists", "code",
                    "office " + code + " is in the catalogue already; propose a RENAME");
        }
        if (kind == OfficeChangeKind.RENAME && !inForce) {
            throw DomainRuleViolation.invalid("office-unknown", "code", "office " + code + " is not in the catalogue");
        }
        String name = Values.requireText("name", command.name(), NAME_MAX);
        String reason = Values.requireText("reason", command.reason(), PurposeChange.REASON_MAX);
        apply(new OfficeChangeProposed(id, kind, code, name, reason, clock.instant()),
                MetaData.with(PurposeChange.PROPOSER_FINGERPRINT, FourEyes.fingerprint(id, command.actor())));
    }

    @CommandHandler
    public void handle(ApproveOfficeChange command, Clock clock) {
        FourEyes.requireSecondAdmin(changeId, proposerFingerprint, command.actor());
        FourEyes.requirePending(status);
        apply(new OfficeChangeApproved(changeId, clock.instant()));
    }

    @CommandHandler
    public void handle(RejectOfficeChange command, Clock clock) {
        FourEyes.requireSecondAdmin(changeId, proposerFingerprint, command.actor());
        FourEyes.requirePending(status);
        String reason = Values.requireText("reason", command.reason(), PurposeChange.REASON_MAX);
        apply(new OfficeChangeRejected(changeId, reason, clock.instant()));
    }

    @CommandHandler
    public void handle(AttachOfficeChangeOpinion command, Clock clock) {
        FourEyes.requireRole(command.actor(), Role.DPO, "dpo-only",
                "only the data-protection officer attaches opinions");
        String opinion = Values.requireText("opinion", command.opinion(), PurposeChange.OPINION_MAX);
        apply(new OfficeChangeOpinionAttached(changeId, opinion, clock.instant()));
    }

    @EventSourcingHandler
    void on(OfficeChangeProposed event, @MetaDataValue(PurposeChange.PROPOSER_FINGERPRINT) String proposer) {
        changeId = event.changeId();
        status = PurposeChangeStatus.PENDING;
        proposerFingerprint = proposer;
    }

    @EventSourcingHandler
    void on(OfficeChangeApproved event) {
        status = PurposeChangeStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(OfficeChangeRejected event) {
        status = PurposeChangeStatus.REJECTED;
    }
}
