package de.eakte.core.cases;

import de.eakte.core.catalogue.DisposalKind;
import de.eakte.core.shared.CaseId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A fact that a case was closed (zdA); its retention period runs from the end of the closing
 * year until {@code retentionEndsOn}, then {@code disposal} applies.
 */
@Revision("1")
public record CaseClosed(CaseId caseId, CaseStatus from, Instant closedAt, LocalDate retentionEndsOn,
                         DisposalKind disposal) {
}
