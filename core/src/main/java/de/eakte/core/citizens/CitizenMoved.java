package de.eakte.core.citizens;

import de.eakte.core.crypto.Sealed;
import de.eakte.core.shared.CitizenId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/** A fact that a citizen moved to a new (sealed) address on {@code movedOn}. */
@Revision("2")
public record CitizenMoved(CitizenId citizenId, Sealed address, LocalDate movedOn, Instant recordedAt) {
}
