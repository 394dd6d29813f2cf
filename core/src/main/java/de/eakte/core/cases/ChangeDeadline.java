package de.eakte.core.cases;

import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CaseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/** Set a new processing deadline for an open case. */
public record ChangeDeadline(@TargetAggregateIdentifier CaseId caseId, LocalDate deadline, Actor actor,
                             @TargetAggregateVersion Long expectedVersion) {
}
