package de.eakte.core.catalogue.changes;

import de.eakte.core.shared.Actor;
import de.eakte.core.shared.OfficeCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Propose to add an office under a new number or to rename an office in force. */
public record ProposeOfficeChange(@TargetAggregateIdentifier OfficeChangeId changeId, OfficeChangeKind kind,
                                  OfficeCode code, String name, String reason, Actor actor) {
}
