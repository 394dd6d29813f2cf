package de.eakte.core.citizens;

import de.eakte.core.crypto.Sealed;
import de.eakte.core.shared.CitizenId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A fact that a citizen's file was opened with their master data and address, both sealed under
 * the citizen's key ({@link CitizenFields}).
 */
@Revision("2")
public record CitizenFileOpened(CitizenId citizenId, Sealed masterData, Sealed address, Instant openedAt) {
}
