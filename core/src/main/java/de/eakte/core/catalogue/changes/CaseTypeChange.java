package de.eakte.core.catalogue.changes;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import de.eakte.core.catalogue.CaseType;
import de.eakte.core.catalogue.CaseTypeCode;
import de.eakte.core.catalogue.CaseTypeDirectory;
import de.eakte.core.catalogue.Confidentiality;
import de.eakte.core.catalogue.DisposalKind;
import de.eakte.core.catalogue.FileReferenceParts;
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
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One proposed change to the case types, decided with four eyes like a {@link PurposeChange}: an
 * admin proposes to add a case type to an office or to replace one whole, a different admin
 * approves or rejects, the DPO may add an opinion. Of the proposer it keeps only a fingerprint.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class CaseTypeChange {

    public static final int NAME_MAX = 200;
    public static final int RETENTION_BASIS_MAX = 500;
    /** Ten years to process a case is no target; a longer one is a typo. */
    public static final int TARGET_DAYS_MAX = 3_650;
    public static final int RETENTION_YEARS_MAX = 100;

    @AggregateIdentifier
    private CaseTypeChangeId changeId;
    private PurposeChangeStatus status;
    private String proposerFingerprint;

    protected CaseTypeChange() {
        // for Axon and Jackson snapshots
    }

    @CommandHandler
    public CaseTypeChange(ProposeCaseTypeChange command, OfficeDirectory offices, CaseTypeDirectory caseTypes,
                          Clock clock) {
        FourEyes.requireRole(command.actor(), Role.ADMIN, "admin-only", "only an admin proposes catalogue changes");
        CaseTypeChangeId id = Values.requireNonNull("changeId", command.changeId());
        CaseTypeCode code = Values.requireNonNull("code", command.code());
        OfficeCode office = Values.requireNonNull("office", command.office());
        if (offices.office(office).isEmpty()) {
            throw DomainRuleViolation.invalid("office-unknown", "office", "office " + office + " is not in the catalogue");
        }
        // a code names one type across offices: moving it would give its cases a second office
        Optional<CaseType> existing = caseTypes.caseType(code);
        if (existing.isPresent() && !existing.get().office().equals(office)) {
            throw DomainRuleViolation.invalid("case-type-of-other-office", "code",
                    "case type " + code + " belongs to office " + existing.get().office());
        }
        String name = Values.requireText("name", command.name(), NAME_MAX);
        String filePlanKey = Values.requireNonNull("filePlanKey", command.filePlanKey()).strip();
        if (!FileReferenceParts.isFilePlanKey(filePlanKey)) {
            throw DomainRuleViolation.invalid("file-plan-key", "filePlanKey",
                    "filePlanKey must be digit groups joined by dots such as 122.20");
        }
        int targetDays = inRange("targetDays", command.targetDays(), 1, TARGET_DAYS_MAX);
        Confidentiality confidentiality = Values.requireNonNull("confidentiality", command.confidentiality());
        int retentionYears = inRange("retentionYears", command.retentionYears(), 0, RETENTION_YEARS_MAX);
        DisposalKind disposal = Values.requireNonNull("disposal", command.disposal());
        String retentionBasis = Values.requireText("retentionBasis", command.retentionBasis(), RETENTION_BASIS_MAX);
        String reason = Values.requireText("reason", command.reason(), PurposeChange.REASON_MAX);
        apply(new CaseTypeChangeProposed(id, code, office, name, filePlanKey, targetDays, confidentiality,
                        retentionYears, disposal, retentionBasis, reason, clock.instant()),
                MetaData.with(PurposeChange.PROPOSER_FINGERPRINT, FourEyes.fingerprint(id, command.actor())));
    }

    @CommandHandler
    public void handle(ApproveCaseTypeChange command, Clock clock) {
        FourEyes.requireSecondAdmin(changeId, proposerFingerprint, command.actor());
        FourEyes.requirePending(status);
        apply(new CaseTypeChangeApproved(changeId, clock.instant()));
    }

    @CommandHandler
    public void handle(RejectCaseTypeChange command, Clock clock) {
        FourEyes.requireSecondAdmin(changeId, proposerFingerprint, command.actor());
        FourEyes.requirePending(status);
        String reason = Values.requireText("reason", command.reason(), PurposeChange.REASON_MAX);
        apply(new CaseTypeChangeRejected(changeId, reason, clock.instant()));
    }

    @CommandHandler
    public void handle(AttachCaseTypeChangeOpinion command, Clock clock) {
        FourEyes.requireRole(command.actor(), Role.DPO, "dpo-only",
                "only the data-protection officer attaches opinions");
        String opinion = Values.requireText("opinion", command.opinion(), PurposeChange.OPINION_MAX);
        apply(new CaseTypeChangeOpinionAttached(changeId, opinion, clock.instant()));
    }

    @EventSourcingHandler
    void on(CaseTypeChangeProposed event, @MetaDataValue(PurposeChange.PROPOSER_FINGERPRINT) String proposer) {
        changeId = event.changeId();
        status = PurposeChangeStatus.PENDING;
        proposerFingerprint = proposer;
    }

    @EventSourcingHandler
    void on(CaseTypeChangeApproved event) {
        status = PurposeChangeStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(CaseTypeChangeRejected event) {
        status = PurposeChangeStatus.REJECTED;
    }

    private static int inRange(String field, Integer value, int min, int max) {
        int checked = Values.requireNonNull(field, value);
        if (checked < min || checked > max) {
            throw DomainRuleViolation.invalid("range", field, field + " must be from " + min + " to " + max);
        }
        return checked;
    }
}
