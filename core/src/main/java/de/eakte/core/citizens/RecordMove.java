package de.eakte.core.citizens;

import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CitizenId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/** Record that a citizen moved to a new address on a given date. */
public record RecordMove(@TargetAggregateIdentifier CitizenId citizenId, Address address, LocalDate movedOn,
                         Actor actor, @TargetAggregateVersion Long expectedVersion) {
}
