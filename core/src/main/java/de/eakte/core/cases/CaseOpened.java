package de.eakte.core.cases;

import de.eakte.core.catalogue.CaseTypeCode;
import de.eakte.core.catalogue.Confidentiality;
import de.eakte.core.catalogue.DisposalKind;
import de.eakte.core.crypto.Sealed;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.OfficeCode;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A fact that an office opened a case for a citizen, under a file reference, with the retention
 * rule of its case type at that time (so later catalogue changes do not alter it). The subject is
 * sealed under the case's key.
 */
@Revision("2")
public record CaseOpened(CaseId caseId, CitizenId citizenId, FileReference fileReference, OfficeCode office,
                         CaseTypeCode caseType, Sealed subject, Confidentiality confidentiality,
                         LocalDate deadline, Instant openedAt, int retentionYears, DisposalKind disposal) {
}
