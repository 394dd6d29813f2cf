package de.eakte.core.citizens;

import de.eakte.core.shared.CitizenId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A fact that a citizen's file was opened with their master data and address. */
@Revision("1")
public record CitizenFileOpened(CitizenId citizenId, MasterData masterData, Address address, Instant openedAt) {
}
