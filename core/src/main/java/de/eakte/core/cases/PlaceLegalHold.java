package de.eakte.core.cases;

import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CaseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Put a case under a legal hold (e.g. pending litigation): its retention is stopped until lifted. */
public record PlaceLegalHold(@TargetAggregateIdentifier CaseId caseId, String reason, Actor actor,
                             @TargetAggregateVersion Long expectedVersion) {
}
