package de.eakte.core.retention;

import de.eakte.core.cases.FileReference;
import de.eakte.core.catalogue.DisposalKind;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.OfficeCode;
import de.eakte.core.shared.Values;

import java.time.LocalDate;

/**
 * A closed case on a disposal list: ids, file reference, office, disposal kind and the last day
 * of its retention period. No names, no subject: a list can be shown to records management as it is.
 */
public record DisposalCandidate(CaseId caseId, CitizenId citizenId, FileReference fileReference, OfficeCode office,
                                DisposalKind disposal, LocalDate retentionEndsOn) {

    public DisposalCandidate {
        Values.requireNonNull("caseId", caseId);
        Values.requireNonNull("citizenId", citizenId);
        Values.requireNonNull("fileReference", fileReference);
        Values.requireNonNull("office", office);
        Values.requireNonNull("disposal", disposal);
        Values.requireNonNull("retentionEndsOn", retentionEndsOn);
    }
}
