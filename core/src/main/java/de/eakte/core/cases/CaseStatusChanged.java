package de.eakte.core.cases;

import de.eakte.core.shared.CaseId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A fact that a case moved from one status to another (closing is {@link CaseClosed}). */
@Revision("1")
public record CaseStatusChanged(CaseId caseId, CaseStatus from, CaseStatus to, Instant changedAt) {
}
