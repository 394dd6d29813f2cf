package de.eakte.core.catalogue.changes;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A fact that a second admin approved a proposed office change, which is in force from then on.
 * Who approved is in the event's metadata.
 */
@Revision("1")
public record OfficeChangeApproved(OfficeChangeId changeId, Instant approvedAt) {
}
