package de.eakte.core.cases;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import de.eakte.core.catalogue.CaseType;
import de.eakte.core.catalogue.CaseTypeDirectory;
import de.eakte.core.catalogue.Confidentiality;
import de.eakte.core.catalogue.DisposalKind;
import de.eakte.core.crypto.FieldSealer;
import de.eakte.core.crypto.KeyId;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.DomainRuleViolation;
import de.eakte.core.shared.OfficeCode;
import de.eakte.core.shared.Values;
import de.eakte.core.shared.Zones;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Vorgang: one office's case about one citizen. Decides on status moves, entries and deadlines;
 * keeps no personal data in its state (subject and entry texts live only in events).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Case {

    /** Free-text limits: a subject is a line, an entry a letter's worth of text. */
    public static final int SUBJECT_MAX = 200;
    public static final int TEXT_MAX = 20_000;
    /** A legal hold's reason names proceedings, e.g. "Klageverfahren VG Köln 3 K 123/26": one line. */
    public static final int LEGAL_HOLD_REASON_MAX = 200;

    @AggregateIdentifier
    private CaseId caseId;
    private CitizenId citizenId;
    private OfficeCode office;
    private CaseStatus status;
    private LocalDate openedOn;
    private int retentionYears;
    private DisposalKind disposal;
    private boolean legalHold;
    private long version;

    protected Case() {
        // for Axon and Jackson snapshots
    }

    @CommandHandler
    public Case(OpenCase command, CaseTypeDirectory caseTypes, Clock clock, CitizenRegistry citizens,
                FileReferenceAllocator references, FieldSealer sealer) {
        Actor actor = command.actor();
        Values.requireNonNull("caseId", command.caseId());
        Values.requireNonNull("citizenId", command.citizenId());
        CaseType type = caseTypes.requireCaseType(command.caseType());
        if (actor == null || !actor.isStaffOf(type.office())) {
            throw DomainRuleViolation.forbidden("case-type-of-own-office",
                    "a case of type " + type.code() + " is opened by office " + type.office() + " only");
        }
        String subject = Values.requireText("subject", command.subject(), SUBJECT_MAX);
        Confidentiality confidentiality = command.confidentiality() == null
                ? type.confidentiality() : command.confidentiality();
        if (!confidentiality.isAtLeast(type.confidentiality())) {
            throw DomainRuleViolation.invalid("confidentiality-below-case-type", "confidentiality",
                    "confidentiality must be at least " + type.confidentiality() + " for " + type.code());
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Zones.ADMINISTRATION);
        LocalDate deadline = command.deadline() == null ? today.plusDays(type.targetDays()) : command.deadline();
        requireDeadlineFrom(deadline, today);
        if (!citizens.exists(command.citizenId())) {
            throw DomainRuleViolation.notFound("citizen-unknown", "citizenId",
                    "no citizen's file " + command.citizenId());
        }
        // Allocate last: every check above has passed, so a refused command draws no number.
        FileReference reference = references.allocate(type.office(), type.filePlanKey(), today.getYear(),
                command.caseId());
        KeyId key = KeyId.ofCase(command.citizenId(), command.caseId());
        apply(new CaseOpened(command.caseId(), command.citizenId(), reference, type.office(), type.code(),
                sealer.seal(key, command.caseId().toString(), CaseFields.SUBJECT, subject), confidentiality, deadline, now, type.retentionYears(), type.disposal()));
    }

    @CommandHandler
    public long handle(AddEntry command, Clock clock, FieldSealer sealer) {
        requireOwningOffice(command.actor());
        requireNotClosed();
        Values.requireNonNull("entryId", command.entryId());
        Values.requireNonNull("kind", command.kind());
        Values.requireNonNull("visibility", command.visibility());
        String text = Values.optionalText("text", command.text(), TEXT_MAX);
        DocumentMetadata document = command.document();
        switch (command.kind()) {
            case NOTE -> {
                if (text == null) {
                    throw DomainRuleViolation.invalid("note-is-text", "text", "a NOTE needs text");
                }
                if (document != null) {
                    throw DomainRuleViolation.invalid("note-is-text", "document", "a NOTE has no document; use DOCUMENT");
                }
            }
            case DOCUMENT -> {
                if (document == null) {
                    throw DomainRuleViolation.invalid("document-required", "document", "a DOCUMENT entry needs document metadata");
                }
            }
            case INCOMING_LETTER, OUTGOING_LETTER -> {
                if (text == null && document == null) {
                    throw DomainRuleViolation.invalid("letter-has-content", "text", "a letter needs text or document metadata");
                }
            }
        }
        KeyId key = KeyId.ofCase(citizenId, caseId);
        String aggregate = caseId.toString();
        StoredDocument stored = document == null ? null : new StoredDocument(
                sealer.seal(key, aggregate, CaseFields.DOCUMENT_TITLE, document.title()), document.mediaType(),
                document.sizeBytes(), document.sha256(), document.receivedAt());
        apply(new EntryAdded(caseId, command.entryId(), command.kind(), command.visibility(),
                sealer.seal(key, aggregate, CaseFields.ENTRY_TEXT, text), stored, clock.instant()));
        return version;
    }

    @CommandHandler
    public long handle(ChangeCaseStatus command, Clock clock) {
        requireOwningOffice(command.actor());
        CaseStatus target = Values.requireNonNull("status", command.status());
        if (!status.canMoveTo(target)) {
            throw DomainRuleViolation.conflict("status-move",
                    "a case in status " + status + " cannot move to " + target + "; allowed: " + status.next());
        }
        Instant now = clock.instant();
        if (target == CaseStatus.CLOSED) {
            // retention runs from the end of the year of closing
            int closingYear = LocalDate.ofInstant(now, Zones.ADMINISTRATION).getYear();
            LocalDate retentionEnds = LocalDate.of(closingYear + retentionYears, 12, 31);
            apply(new CaseClosed(caseId, status, now, retentionEnds, disposal));
        } else {
            apply(new CaseStatusChanged(caseId, status, target, now));
        }
        return version;
    }

    @CommandHandler
    public long handle(ChangeDeadline command, Clock clock) {
        requireOwningOffice(command.actor());
        requireNotClosed();
        LocalDate deadline = Values.requireNonNull("deadline", command.deadline());
        requireDeadlineFrom(deadline, openedOn);
        apply(new DeadlineChanged(caseId, deadline, clock.instant()));
        return version;
    }

    /** Owning office only; allowed in any status, since proceedings may begin after closing (zdA). */
    @CommandHandler
    public long handle(PlaceLegalHold command, Clock clock) {
        requireOwningOffice(command.actor());
        String reason = legalHoldReason(command.reason());
        if (legalHold) {
            throw DomainRuleViolation.conflict("legal-hold-unchanged", "the case is already under a legal hold");
        }
        apply(new LegalHoldPlaced(caseId, reason, clock.instant()));
        return version;
    }

    @CommandHandler
    public long handle(LiftLegalHold command, Clock clock) {
        requireOwningOffice(command.actor());
        String reason = legalHoldReason(command.reason());
        if (!legalHold) {
            throw DomainRuleViolation.conflict("no-legal-hold", "the case is under no legal hold");
        }
        apply(new LegalHoldLifted(caseId, reason, clock.instant()));
        return version;
    }

    @EventSourcingHandler
    void on(CaseOpened event, @SequenceNumber long sequence) {
        caseId = event.caseId();
        citizenId = event.citizenId();
        office = event.office();
        status = CaseStatus.OPEN;
        openedOn = LocalDate.ofInstant(event.openedAt(), Zones.ADMINISTRATION);
        retentionYears = event.retentionYears();
        disposal = event.disposal();
        version = sequence;
    }

    @EventSourcingHandler
    void on(EntryAdded event, @SequenceNumber long sequence) {
        version = sequence;
    }

    @EventSourcingHandler
    void on(CaseStatusChanged event, @SequenceNumber long sequence) {
        status = event.to();
        version = sequence;
    }

    @EventSourcingHandler
    void on(CaseClosed event, @SequenceNumber long sequence) {
        status = CaseStatus.CLOSED;
        version = sequence;
    }

    @EventSourcingHandler
    void on(DeadlineChanged event, @SequenceNumber long sequence) {
        version = sequence;
    }

    @EventSourcingHandler
    void on(LegalHoldPlaced event, @SequenceNumber long sequence) {
        legalHold = true;
        version = sequence;
    }

    @EventSourcingHandler
    void on(LegalHoldLifted event, @SequenceNumber long sequence) {
        legalHold = false;
        version = sequence;
    }

    private void requireOwningOffice(Actor actor) {
        if (actor == null || !actor.isStaffOf(office)) {
            throw DomainRuleViolation.forbidden("owning-office-only", "only office " + office + " changes this case");
        }
    }

    private void requireNotClosed() {
        if (status == CaseStatus.CLOSED) {
            throw DomainRuleViolation.conflict("case-closed", "the case is closed (zdA) and takes no more changes");
        }
    }

    /** One line of plain text: it travels unsealed, so it must stay short and free of control characters. */
    private static String legalHoldReason(String reason) {
        String checked = Values.requireText("reason", reason, LEGAL_HOLD_REASON_MAX);
        if (checked.contains("\n") || checked.contains("\r") || checked.contains("\t")) {
            throw DomainRuleViolation.invalid("one-line", "reason", "reason must be one line");
        }
        return checked;
    }

    private static void requireDeadlineFrom(LocalDate deadline, LocalDate openedOn) {
        if (deadline.isBefore(openedOn)) {
            throw DomainRuleViolation.invalid("deadline-before-opening", "deadline",
                    "deadline must not be before the case was opened on " + openedOn);
        }
    }
}
