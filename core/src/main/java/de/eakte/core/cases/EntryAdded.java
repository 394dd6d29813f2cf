package de.eakte.core.cases;

import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.EntryId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A fact that a note, letter or document was added to a case; {@code text} or {@code document} may be null. */
@Revision("1")
public record EntryAdded(CaseId caseId, EntryId entryId, EntryKind kind, Visibility visibility, String text,
                         DocumentMetadata document, Instant addedAt) {
}
