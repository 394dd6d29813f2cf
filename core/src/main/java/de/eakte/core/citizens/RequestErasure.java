package de.eakte.core.citizens;

import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CitizenId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** GDPR Art. 17: the citizen (or staff on their behalf) asks for their data to be erased. */
public record RequestErasure(@TargetAggregateIdentifier CitizenId citizenId, Actor actor) {
}
