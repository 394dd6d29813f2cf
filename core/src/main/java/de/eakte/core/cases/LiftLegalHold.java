package de.eakte.core.cases;

import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CaseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Lift a case's legal hold, saying why; its retention runs again as it was. */
public record LiftLegalHold(@TargetAggregateIdentifier CaseId caseId, String reason, Actor actor,
                            @TargetAggregateVersion Long expectedVersion) {
}
