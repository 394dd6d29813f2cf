package de.eakte.core.catalogue.changes;

import de.eakte.core.catalogue.CaseType;
import de.eakte.core.catalogue.CaseTypeCode;
import de.eakte.core.catalogue.Confidentiality;
import de.eakte.core.catalogue.DisposalKind;
import de.eakte.core.shared.OfficeCode;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A fact that an admin proposed to add a case type to an office or to replace one of its case
 * types with the whole definition carried here, for the stated reason. Cases opened before keep
 * what they were opened with. Who proposed is in the event's metadata.
 */
@Revision("1")
public record CaseTypeChangeProposed(CaseTypeChangeId changeId, CaseTypeCode code, OfficeCode office, String name,
                                     String filePlanKey, int targetDays, Confidentiality confidentiality,
                                     int retentionYears, DisposalKind disposal, String retentionBasis, String reason,
                                     Instant proposedAt) {

    /** The case type an approval brings into force. */
    public CaseType toCaseType() {
        return new CaseType(code, office, name, filePlanKey, targetDays, confidentiality, retentionYears, disposal,
                retentionBasis);
    }
}
