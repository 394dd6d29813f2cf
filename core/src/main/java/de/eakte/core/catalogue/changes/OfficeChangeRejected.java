package de.eakte.core.catalogue.changes;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A fact that a second admin rejected a proposed office change, for the stated reason; it never
 * comes into force. Who rejected is in the event's metadata.
 */
@Revision("1")
public record OfficeChangeRejected(OfficeChangeId changeId, String reason, Instant rejectedAt) {
}
