package de.eakte.core.access.reidentification;

import de.eakte.core.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Look at a re-identification: answered with its state; for the requester of an approved one the
 * answer allows the reveal, which is recorded first ({@link ReIdentificationRevealed}).
 */
public record RevealReIdentification(@TargetAggregateIdentifier ReIdentificationId reIdentificationId, Actor actor) {

    /**
     * The state of the request as the aggregate holds it; {@code revealed} is true only where the
     * reveal was just recorded, and only then may the staff member behind {@code pseudonym} be shown.
     */
    public record Result(ReIdentificationId reIdentificationId, String pseudonym, String reason,
                         ReIdentificationStatus status, java.time.Instant requestedAt, java.time.Instant decidedAt,
                         boolean requester, boolean revealed) {
    }
}
