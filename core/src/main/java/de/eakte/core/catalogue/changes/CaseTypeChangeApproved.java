package de.eakte.core.catalogue.changes;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A fact that a second admin approved a proposed case-type change, which is in force from then
 * on: cases opened afterwards use it. Who approved is in the event's metadata.
 */
@Revision("1")
public record CaseTypeChangeApproved(CaseTypeChangeId changeId, Instant approvedAt) {
}
