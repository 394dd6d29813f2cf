package de.eakte.core.retention;

import de.eakte.core.shared.CaseId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A fact that a case on an approved list (disposal kind B) was put on the list offered to the
 * archive for appraisal (Anbietung, Bewertung); the archive decides whether it is kept.
 */
@Revision("1")
public record CaseListedForAppraisal(DisposalListId listId, CaseId caseId, Instant listedAt) {
}
