package de.eakte.core.catalogue.changes;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A fact that the data-protection officer attached an opinion to an office change (pending or
 * decided); a later opinion adds to, and in the read model supersedes, an earlier one.
 */
@Revision("1")
public record OfficeChangeOpinionAttached(OfficeChangeId changeId, String opinion, Instant attachedAt) {
}
