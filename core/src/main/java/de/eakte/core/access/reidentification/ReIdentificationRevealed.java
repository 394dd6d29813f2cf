package de.eakte.core.access.reidentification;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A fact that the requester of an approved re-identification was shown the staff member behind the
 * pseudonym. Recorded before the answer leaves; the staff member is not repeated here.
 */
@Revision("1")
public record ReIdentificationRevealed(ReIdentificationId reIdentificationId, String pseudonym, Instant revealedAt) {
}
