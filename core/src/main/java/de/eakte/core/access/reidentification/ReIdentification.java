package de.eakte.core.access.reidentification;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.DomainRuleViolation;
import de.eakte.core.shared.Fingerprints;
import de.eakte.core.shared.InvalidValueException;
import de.eakte.core.shared.Role;
import de.eakte.core.shared.Values;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One request to re-identify a staff pseudonym, decided with four eyes: a DPO asks with a reason,
 * a different DPO approves or rejects, and only the requester of an approved request is shown the
 * staff member, each time recorded. Of the requester it keeps a fingerprint only.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class ReIdentification {

    public static final int REASON_MIN = 20;
    public static final int REASON_MAX = 1000;
    private static final Pattern PSEUDONYM = Pattern.compile("P-[0-9a-f]{12}");

    @AggregateIdentifier
    private ReIdentificationId reIdentificationId;
    private String pseudonym;
    private String reason;
    private String requesterFingerprint;
    private ReIdentificationStatus status;
    private Instant requestedAt;
    private Instant decidedAt;

    protected ReIdentification() {
        // for Axon and Jackson snapshots
    }

    @CommandHandler
    public ReIdentification(RequestReIdentification command, Clock clock) {
        requireDpo(command.actor());
        ReIdentificationId id = Values.requireNonNull("reIdentificationId", command.reIdentificationId());
        String pseudonym = Values.requireText("pseudonym", command.pseudonym(), 20);
        if (!PSEUDONYM.matcher(pseudonym).matches()) {
            throw new InvalidValueException("pseudonym", "pseudonym", "pseudonym must look like P-0123456789ab");
        }
        apply(new ReIdentificationRequested(id, pseudonym, reason(command.reason()),
                Fingerprints.of(id, command.actor()), clock.instant()));
    }

    @CommandHandler
    public void handle(ApproveReIdentification command, Clock clock) {
        requireSecondDpo(command.actor());
        requirePending();
        apply(new ReIdentificationApproved(reIdentificationId, Values.optionalText("note", command.note(), REASON_MAX),
                clock.instant()));
    }

    @CommandHandler
    public void handle(RejectReIdentification command, Clock clock) {
        requireSecondDpo(command.actor());
        requirePending();
        apply(new ReIdentificationRejected(reIdentificationId, Values.requireText("reason", command.reason(), REASON_MAX),
                clock.instant()));
    }

    /** Any DPO may look at the request; only its requester, once approved, is shown whom it names. */
    @CommandHandler
    public RevealReIdentification.Result handle(RevealReIdentification command, Clock clock) {
        requireDpo(command.actor());
        boolean requester = isRequester(command.actor());
        boolean reveal = requester && status == ReIdentificationStatus.APPROVED;
        if (reveal) {
            apply(new ReIdentificationRevealed(reIdentificationId, pseudonym, clock.instant()));
        }
        return new RevealReIdentification.Result(reIdentificationId, pseudonym, reason, status, requestedAt, decidedAt,
                requester, reveal);
    }

    @EventSourcingHandler
    void on(ReIdentificationRequested event) {
        reIdentificationId = event.reIdentificationId();
        pseudonym = event.pseudonym();
        reason = event.reason();
        requesterFingerprint = event.requesterFingerprint();
        requestedAt = event.requestedAt();
        status = ReIdentificationStatus.PENDING;
    }

    @EventSourcingHandler
    void on(ReIdentificationApproved event) {
        status = ReIdentificationStatus.APPROVED;
        decidedAt = event.approvedAt();
    }

    @EventSourcingHandler
    void on(ReIdentificationRejected event) {
        status = ReIdentificationStatus.REJECTED;
        decidedAt = event.rejectedAt();
    }

    private static String reason(String text) {
        String reason = Values.requireText("reason", text, REASON_MAX);
        if (reason.length() < REASON_MIN) {
            throw new InvalidValueException("reason", "too-short",
                    "state why the pseudonym must be re-identified in at least " + REASON_MIN + " characters");
        }
        return reason;
    }

    private static void requireDpo(Actor actor) {
        if (actor == null || actor.role() != Role.DPO) {
            throw DomainRuleViolation.forbidden("dpo-only", "only a data-protection officer re-identifies staff");
        }
    }

    /** The deciding DPO is not the requester; an unknown requester fails closed. */
    private void requireSecondDpo(Actor actor) {
        requireDpo(actor);
        if (requesterFingerprint == null || isRequester(actor)) {
            throw DomainRuleViolation.forbidden("four-eyes",
                    "a re-identification is decided by a data-protection officer other than the one who asked");
        }
    }

    private boolean isRequester(Actor actor) {
        return requesterFingerprint != null && requesterFingerprint.equals(Fingerprints.of(reIdentificationId, actor));
    }

    private void requirePending() {
        if (status != ReIdentificationStatus.PENDING) {
            throw DomainRuleViolation.conflict("re-identification-not-pending",
                    "the re-identification is already " + status);
        }
    }
}
