package de.eakte.core.catalogue.changes;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import de.eakte.core.access.DataCategory;
import de.eakte.core.access.policy.Purpose;
import de.eakte.core.access.policy.PurposeDirectory;
import de.eakte.core.catalogue.OfficeDirectory;
import de.eakte.core.shared.Actor;
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
import java.util.Comparator;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One proposed change to the purposes catalogue, decided with four eyes: an admin proposes, a
 * different admin approves or rejects, the DPO may add an opinion. Keeps no personal data: of the
 * proposer it holds only a fingerprint (SHA-256 over change id and subject), enough to recognise
 * them again, not to name them; the subject itself is in the events' metadata.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class PurposeChange {

    public static final int NAME_MAX = 200;
    public static final int LEGAL_BASIS_MAX = 500;
    public static final int REASON_MAX = 2_000;
    public static final int OPINION_MAX = 20_000;

    /**
     * Metadata key of the proposal event: the proposer's fingerprint. Metadata, not payload, so
     * the stored fact stays free of who acted (that is {@code actorSubject}, added at the edge).
     */
    public static final String PROPOSER_FINGERPRINT = "proposerFingerprint";

    @AggregateIdentifier
    private PurposeChangeId changeId;
    private PurposeChangeStatus status;
    private String proposerFingerprint;

    protected PurposeChange() {
        // for Axon and Jackson snapshots
    }

    @CommandHandler
    public PurposeChange(ProposePurposeChange command, OfficeDirectory offices, PurposeDirectory purposes, Clock clock) {
        requireRole(command.actor(), Role.ADMIN, "admin-only", "only an admin proposes catalogue changes");
        PurposeChangeId id = Values.requireNonNull("changeId", command.changeId());
        PurposeChangeKind kind = Values.requireNonNull("kind", command.kind());
        String reason = Values.requireText("reason", command.reason(), REASON_MAX);
        PurposeChangeProposed proposed = switch (kind) {
            case PUT -> put(id, command, offices, reason, clock);
            case WITHDRAW -> withdraw(id, command, offices, purposes, reason, clock);
        };
        apply(proposed, MetaData.with(PROPOSER_FINGERPRINT, fingerprint(id, command.actor())));
    }

    private static PurposeChangeProposed put(PurposeChangeId id, ProposePurposeChange command, OfficeDirectory offices,
                                             String reason, Clock clock) {
        Purpose purpose = Values.requireNonNull("purpose", command.purpose());
        if ((command.office() != null && !command.office().equals(purpose.office()))
                || (command.code() != null && !command.code().equals(purpose.code()))) {
            throw DomainRuleViolation.invalid("purpose-mismatch", "code",
                    "a PUT names the office and code of the purpose it carries");
        }
        requireKnownOffice(offices, purpose.office(), "office");
        String name = Values.requireText("name", purpose.name(), NAME_MAX);
        String legalBasis = Values.requireText("legalBasis", purpose.legalBasis(), LEGAL_BASIS_MAX);
        if (purpose.categories().isEmpty()) {
            throw DomainRuleViolation.invalid("categories-required", "categories",
                    "a purpose needs at least one data category it may see");
        }
        if (purpose.allOffices() && !purpose.caseOffices().isEmpty()) {
            throw DomainRuleViolation.invalid("case-offices-or-all-offices", "caseOffices",
                    "name caseOffices or set allOffices, not both");
        }
        for (OfficeCode caseOffice : purpose.caseOffices()) {
            requireKnownOffice(offices, caseOffice, "caseOffices");
        }
        List<DataCategory> categories = purpose.categories().stream().sorted().toList();
        List<OfficeCode> caseOffices = purpose.caseOffices().stream()
                .sorted(Comparator.comparing(OfficeCode::value)).toList();
        return new PurposeChangeProposed(id, PurposeChangeKind.PUT, purpose.office(), purpose.code(), name,
                legalBasis, categories, caseOffices, purpose.allOffices(), reason, clock.instant());
    }

    private static PurposeChangeProposed withdraw(PurposeChangeId id, ProposePurposeChange command,
                                                  OfficeDirectory offices, PurposeDirectory purposes, String reason,
                                                  Clock clock) {
        if (command.purpose() != null) {
            throw DomainRuleViolation.invalid("withdrawal-has-no-definition", "purpose",
                    "a WITHDRAW names office and code only");
        }
        OfficeCode office = Values.requireNonNull("office", command.office());
        Values.requireNonNull("code", command.code());
        requireKnownOffice(offices, office, "office");
        if (purposes.find(office, command.code()).isEmpty()) {
            throw DomainRuleViolation.invalid("purpose-not-in-force", "code",
                    "office " + office + " has no purpose " + command.code() + " in force to withdraw");
        }
        return new PurposeChangeProposed(id, PurposeChangeKind.WITHDRAW, office, command.code(), null, null,
                List.of(), List.of(), false, reason, clock.instant());
    }

    @CommandHandler
    public void handle(ApprovePurposeChange command, Clock clock) {
        requireSecondAdmin(command.actor());
        requirePending();
        apply(new PurposeChangeApproved(changeId, clock.instant()));
    }

    @CommandHandler
    public void handle(RejectPurposeChange command, Clock clock) {
        requireSecondAdmin(command.actor());
        requirePending();
        String reason = Values.requireText("reason", command.reason(), REASON_MAX);
        apply(new PurposeChangeRejected(changeId, reason, clock.instant()));
    }

    @CommandHandler
    public void handle(AttachDpoOpinion command, Clock clock) {
        requireRole(command.actor(), Role.DPO, "dpo-only", "only the data-protection officer attaches opinions");
        String opinion = Values.requireText("opinion", command.opinion(), OPINION_MAX);
        apply(new DpoOpinionAttached(changeId, opinion, clock.instant()));
    }

    @EventSourcingHandler
    void on(PurposeChangeProposed event, @MetaDataValue(PROPOSER_FINGERPRINT) String proposer) {
        changeId = event.changeId();
        status = PurposeChangeStatus.PENDING;
        proposerFingerprint = proposer;
    }

    @EventSourcingHandler
    void on(PurposeChangeApproved event) {
        status = PurposeChangeStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(PurposeChangeRejected event) {
        status = PurposeChangeStatus.REJECTED;
    }

    private void requireSecondAdmin(Actor actor) {
        FourEyes.requireSecondAdmin(changeId, proposerFingerprint, actor);
    }

    private void requirePending() {
        FourEyes.requirePending(status);
    }

    private static void requireRole(Actor actor, Role role, String rule, String message) {
        FourEyes.requireRole(actor, role, rule, message);
    }

    private static void requireKnownOffice(OfficeDirectory offices, OfficeCode office, String field) {
        if (offices.office(office).isEmpty()) {
            throw DomainRuleViolation.invalid("office-unknown", field, "office " + office + " is not in the catalogue");
        }
    }

    /** Salted with the change id, so the same admin has a different fingerprint on every change. */
    static String fingerprint(PurposeChangeId changeId, Actor actor) {
        return FourEyes.fingerprint(changeId, actor);
    }
}
