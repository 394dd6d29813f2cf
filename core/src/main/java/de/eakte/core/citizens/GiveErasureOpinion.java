package de.eakte.core.citizens;

import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CitizenId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** GDPR Art. 39: the data-protection officer advises on a pending erasure request. */
public record GiveErasureOpinion(@TargetAggregateIdentifier CitizenId citizenId, String opinion, Actor actor) {
}
