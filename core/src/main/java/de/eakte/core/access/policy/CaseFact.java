package de.eakte.core.access.policy;

import de.eakte.core.cases.CaseStatus;
import de.eakte.core.cases.FileReference;
import de.eakte.core.catalogue.Confidentiality;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.OfficeCode;

import java.time.Instant;

/** What the policy needs to know of one of the citizen's cases; no contents. */
public record CaseFact(CaseId caseId, FileReference fileReference, OfficeCode office, CaseStatus status,
                       Instant closedAt, Confidentiality confidentiality) {
}
