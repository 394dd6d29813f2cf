package de.eakte.core.catalogue.changes;

import de.eakte.core.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Approve a pending office change; an admin other than the proposer (four eyes). */
public record ApproveOfficeChange(@TargetAggregateIdentifier OfficeChangeId changeId, Actor actor) {
}
