package de.eakte.core.cases;

import de.eakte.core.catalogue.CaseTypeCode;
import de.eakte.core.catalogue.Confidentiality;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Open a case for a citizen in the actor's office. {@code confidentiality} and {@code deadline}
 * may be null: the case type's defaults apply.
 */
public record OpenCase(@TargetAggregateIdentifier CaseId caseId, CitizenId citizenId, CaseTypeCode caseType,
                       String subject, Confidentiality confidentiality, LocalDate deadline, Actor actor) {
}
