package de.eakte.core.retention;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import de.eakte.core.crypto.DataKeys;
import de.eakte.core.crypto.KeyId;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.DomainRuleViolation;
import de.eakte.core.shared.Fingerprints;
import de.eakte.core.shared.Role;
import de.eakte.core.shared.Values;
import de.eakte.core.shared.Zones;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A disposal list (Aussonderungsliste). Records management (role ADMIN) acts on it: one admin
 * confirms, a second approves; only approval disposes of anything. Who drew the list up does not
 * count as a pair of eyes, since drawing up is a query anyone (or the schedule) can run.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class DisposalList {

    /** Cases per list: one approval's transaction stays bounded; the rest waits for the next list. */
    public static final int MAX_CASES = 500;

    @AggregateIdentifier
    private DisposalListId listId;
    private DisposalListStatus status;
    private String confirmerFingerprint;
    private List<DisposalCandidate> cases;

    protected DisposalList() {
        // for Axon and Jackson snapshots
    }

    @CommandHandler
    public DisposalList(DrawUpDisposalList command, Clock clock, RetentionRegister register) {
        Values.requireNonNull("listId", command.listId());
        Values.requireNonNull("trigger", command.trigger());
        requireRecordsManagement(command.actor(), "disposal lists are drawn up by records management");
        List<DisposalCandidate> candidates = command.cases() == null ? List.of() : command.cases();
        if (candidates.isEmpty()) {
            throw DomainRuleViolation.conflict("nothing-due", "no closed case's retention has ended");
        }
        if (candidates.size() > MAX_CASES) {
            throw DomainRuleViolation.invalid("max-cases", "cases", "a list holds at most " + MAX_CASES + " cases");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Zones.ADMINISTRATION);
        Set<CaseId> seen = new HashSet<>();
        for (DisposalCandidate candidate : candidates) {
            if (!seen.add(candidate.caseId())) {
                throw DomainRuleViolation.invalid("case-listed-twice", "cases", "case " + candidate.caseId() + " is listed twice");
            }
            // retention runs to the end of retentionEndsOn; disposal may begin the day after
            if (!candidate.retentionEndsOn().isBefore(today)) {
                throw DomainRuleViolation.conflict("retention-not-ended",
                        "the retention of " + candidate.fileReference() + " ends on " + candidate.retentionEndsOn());
            }
        }
        List<DisposalCandidate> ordered = candidates.stream()
                .sorted(Comparator.comparing(DisposalCandidate::retentionEndsOn)
                        .thenComparing(c -> c.fileReference().toString()))
                .toList();
        register.claim(command.listId(), ordered.stream().map(DisposalCandidate::caseId).toList());
        apply(new DisposalListDrawnUp(command.listId(), ordered, today, command.trigger(), now));
    }

    @CommandHandler
    public DisposalListStatus handle(ConfirmDisposalList command, Clock clock) {
        requireRecordsManagement(command.actor(), "disposal lists are confirmed by records management");
        if (status != DisposalListStatus.DRAWN_UP) {
            throw DomainRuleViolation.conflict("list-not-drawn-up", "the list is already " + status);
        }
        apply(new DisposalListConfirmed(listId, Fingerprints.of(listId, command.actor()), clock.instant()));
        return status;
    }

    /**
     * Carries the list out, case by case, in this one transaction: a case under a legal hold now is
     * skipped and given back; V destroys the case's key family, B lists it for appraisal, A marks it
     * for transfer to the archive.
     */
    @CommandHandler
    public DisposalListStatus handle(ApproveDisposalList command, Clock clock, RetentionRegister register,
                                     DataKeys keys) {
        requireRecordsManagement(command.actor(), "disposal lists are approved by records management");
        if (status == DisposalListStatus.DRAWN_UP) {
            throw DomainRuleViolation.conflict("list-not-confirmed", "the list must be confirmed before it is approved");
        }
        if (status != DisposalListStatus.CONFIRMED) {
            throw DomainRuleViolation.conflict("list-not-confirmed", "the list is already " + status);
        }
        // four eyes: an unknown confirmer fails closed
        if (confirmerFingerprint == null || confirmerFingerprint.equals(Fingerprints.of(listId, command.actor()))) {
            throw DomainRuleViolation.forbidden("four-eyes",
                    "a disposal list is approved by someone other than who confirmed it");
        }
        Instant now = clock.instant();
        apply(new DisposalListApproved(listId, now));
        for (DisposalCandidate c : cases) {
            if (register.underLegalHold(c.caseId())) {
                register.release(listId, c.caseId());
                apply(new CaseDisposalSkipped(listId, c.caseId(), SkipReason.LEGAL_HOLD, now));
                continue;
            }
            switch (c.disposal()) {
                case V -> {
                    // crypto-shredding: the keys go in this transaction; the event lists them for the ledger
                    List<KeyId> destroyed = new ArrayList<>(keys.destroyFamily(KeyId.ofCase(c.citizenId(), c.caseId())));
                    destroyed.sort(Comparator.comparing(KeyId::value));
                    apply(new CaseDestroyed(listId, c.caseId(), c.citizenId(), destroyed, now));
                }
                case B -> apply(new CaseListedForAppraisal(listId, c.caseId(), now));
                case A -> apply(new CaseMarkedForArchive(listId, c.caseId(), now));
            }
        }
        return status;
    }

    @EventSourcingHandler
    void on(DisposalListDrawnUp event) {
        listId = event.listId();
        cases = event.cases();
        status = DisposalListStatus.DRAWN_UP;
    }

    @EventSourcingHandler
    void on(DisposalListConfirmed event) {
        confirmerFingerprint = event.confirmerFingerprint();
        status = DisposalListStatus.CONFIRMED;
    }

    @EventSourcingHandler
    void on(DisposalListApproved event) {
        status = DisposalListStatus.APPROVED;
    }

    private static void requireRecordsManagement(Actor actor, String message) {
        if (actor == null || actor.role() != Role.ADMIN) {
            throw DomainRuleViolation.forbidden("records-management-only", message);
        }
    }
}
