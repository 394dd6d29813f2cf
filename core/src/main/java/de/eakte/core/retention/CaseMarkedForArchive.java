package de.eakte.core.retention;

import de.eakte.core.shared.CaseId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A fact that a case on an approved list (disposal kind A) was marked for transfer to the archive
 * (Abgabe); its archive package can be exported from now on.
 */
@Revision("1")
public record CaseMarkedForArchive(DisposalListId listId, CaseId caseId, Instant markedAt) {
}
