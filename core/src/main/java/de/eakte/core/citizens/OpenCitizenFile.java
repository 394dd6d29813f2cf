package de.eakte.core.citizens;

import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CitizenId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Open a citizen's file with their master data and current address. */
public record OpenCitizenFile(@TargetAggregateIdentifier CitizenId citizenId, MasterData masterData,
                              Address address, Actor actor) {
}
