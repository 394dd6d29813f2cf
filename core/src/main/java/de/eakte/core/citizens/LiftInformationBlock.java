package de.eakte.core.citizens;

import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CitizenId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Lift the information block of a citizen's file. */
public record LiftInformationBlock(@TargetAggregateIdentifier CitizenId citizenId, Actor actor,
                                   @TargetAggregateVersion Long expectedVersion) {
}
