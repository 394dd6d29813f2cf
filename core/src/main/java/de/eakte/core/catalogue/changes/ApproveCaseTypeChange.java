package de.eakte.core.catalogue.changes;

import de.eakte.core.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Approve a pending case-type change; an admin other than the proposer (four eyes). */
public record ApproveCaseTypeChange(@TargetAggregateIdentifier CaseTypeChangeId changeId, Actor actor) {
}
