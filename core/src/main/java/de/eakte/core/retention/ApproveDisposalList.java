package de.eakte.core.retention;

import de.eakte.core.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Approve a confirmed disposal list, by someone other than who confirmed it; it is carried out at once. */
public record ApproveDisposalList(@TargetAggregateIdentifier DisposalListId listId, Actor actor) {
}
