package de.eakte.core.cases;

import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CaseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Move a case to another status; moving it to CLOSED closes it (zdA). */
public record ChangeCaseStatus(@TargetAggregateIdentifier CaseId caseId, CaseStatus status, Actor actor,
                               @TargetAggregateVersion Long expectedVersion) {
}
