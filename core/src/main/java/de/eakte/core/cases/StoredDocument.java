package de.eakte.core.cases;

import de.eakte.core.crypto.Sealed;

import java.time.Instant;

/** A document's metadata as an event stores it: the title sealed, the rest readable. */
public record StoredDocument(Sealed title, String mediaType, long sizeBytes, String sha256, Instant receivedAt) {
}
