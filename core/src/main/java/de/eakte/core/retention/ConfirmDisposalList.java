package de.eakte.core.retention;

import de.eakte.core.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Confirm a drawn-up disposal list: the first pair of eyes. */
public record ConfirmDisposalList(@TargetAggregateIdentifier DisposalListId listId, Actor actor) {
}
