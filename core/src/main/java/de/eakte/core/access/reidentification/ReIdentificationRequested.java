package de.eakte.core.access.reidentification;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A fact that a data-protection officer asked to re-identify a staff pseudonym, with a reason. Of
 * the requester it keeps a fingerprint (SHA-256 over request id and subject), enough for the four
 * eyes rule to recognise them again; who asked is in the event's metadata.
 */
@Revision("1")
public record ReIdentificationRequested(ReIdentificationId reIdentificationId, String pseudonym, String reason,
                                        String requesterFingerprint, Instant requestedAt) {
}
