package de.eakte.core.citizens;

import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CitizenId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Replace the master data of a citizen's file with corrected values. */
public record CorrectMasterData(@TargetAggregateIdentifier CitizenId citizenId, MasterData masterData,
                                Actor actor, @TargetAggregateVersion Long expectedVersion) {
}
