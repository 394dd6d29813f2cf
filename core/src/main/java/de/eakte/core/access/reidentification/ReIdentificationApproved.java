package de.eakte.core.access.reidentification;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A fact that a second data-protection officer approved a re-identification, optionally with a note. */
@Revision("1")
public record ReIdentificationApproved(ReIdentificationId reIdentificationId, String note, Instant approvedAt) {
}
