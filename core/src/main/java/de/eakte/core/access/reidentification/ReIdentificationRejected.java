package de.eakte.core.access.reidentification;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A fact that a second data-protection officer rejected a re-identification, with a reason. */
@Revision("1")
public record ReIdentificationRejected(ReIdentificationId reIdentificationId, String reason, Instant rejectedAt) {
}
