package de.eakte.core.citizens;

import de.eakte.core.shared.CitizenId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/** A fact that a citizen moved to a new address on {@code movedOn}. */
@Revision("1")
public record CitizenMoved(CitizenId citizenId, Address address, LocalDate movedOn, Instant recordedAt) {
}
