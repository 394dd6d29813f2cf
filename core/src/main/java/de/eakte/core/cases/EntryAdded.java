package de.eakte.core.cases;

import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.EntryId;
import de.eakte.core.crypto.Sealed;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A fact that a note, letter or document was added to a case; {@code text} or {@code document}
 * may be null. The text and the document's title are sealed under the case's key.
 */
@Revision("2")
public record EntryAdded(CaseId caseId, EntryId entryId, EntryKind kind, Visibility visibility, Sealed text,
                         StoredDocument document, Instant addedAt) {
}
