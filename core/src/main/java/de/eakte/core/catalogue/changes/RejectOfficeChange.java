package de.eakte.core.catalogue.changes;

import de.eakte.core.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reject a pending office change, with the reason; an admin other than the proposer (four eyes). */
public record RejectOfficeChange(@TargetAggregateIdentifier OfficeChangeId changeId, String reason, Actor actor) {
}
