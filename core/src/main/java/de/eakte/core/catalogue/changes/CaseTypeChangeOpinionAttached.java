package de.eakte.core.catalogue.changes;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A fact that the data-protection officer attached an opinion to a case-type change (pending or
 * decided); a later opinion adds to, and in the read model supersedes, an earlier one. The
 * counterpart of {@link DpoOpinionAttached}, which names a purpose change.
 */
@Revision("1")
public record CaseTypeChangeOpinionAttached(CaseTypeChangeId changeId, String opinion, Instant attachedAt) {
}
