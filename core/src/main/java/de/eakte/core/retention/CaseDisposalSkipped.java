package de.eakte.core.retention;

import de.eakte.core.shared.CaseId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A fact that a case on an approved list was not disposed of, and why (a legal hold placed since
 * the list was drawn up); a later list may take it again.
 */
@Revision("1")
public record CaseDisposalSkipped(DisposalListId listId, CaseId caseId, SkipReason reason, Instant skippedAt) {
}
