package de.eakte.core.citizens;

import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CitizenId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The controller decides a pending erasure request: erase (destroy the keys) or reject with a reason. */
public record DecideErasure(@TargetAggregateIdentifier CitizenId citizenId, boolean erase, String reason, Actor actor) {
}
