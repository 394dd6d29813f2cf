package de.eakte.core.catalogue.changes;

import de.eakte.core.catalogue.CaseTypeCode;
import de.eakte.core.catalogue.Confidentiality;
import de.eakte.core.catalogue.DisposalKind;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.OfficeCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Propose to add a case type to an office or change one of its case types, with the whole new
 * definition: the code names the type it adds or replaces. Numbers are boxed so that a missing
 * one is refused by name, not read as zero.
 */
public record ProposeCaseTypeChange(@TargetAggregateIdentifier CaseTypeChangeId changeId, CaseTypeCode code,
                                    OfficeCode office, String name, String filePlanKey, Integer targetDays,
                                    Confidentiality confidentiality, Integer retentionYears, DisposalKind disposal,
                                    String retentionBasis, String reason, Actor actor) {
}
