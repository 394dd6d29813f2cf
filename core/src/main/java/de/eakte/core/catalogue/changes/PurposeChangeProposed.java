package de.eakte.core.catalogue.changes;

import de.eakte.core.access.DataCategory;
import de.eakte.core.access.policy.Purpose;
import de.eakte.core.access.policy.PurposeCode;
import de.eakte.core.shared.OfficeCode;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/**
 * A fact that an admin proposed to put (add or replace) or withdraw a purpose of an office, for
 * the stated reason. A PUT carries the whole definition as plain values (categories and case
 * offices sorted); a WITHDRAW carries office and code only (name and legal basis null, lists
 * empty). Who proposed is in the event's metadata.
 */
@Revision("1")
public record PurposeChangeProposed(PurposeChangeId changeId, PurposeChangeKind kind, OfficeCode office,
                                    PurposeCode code, String name, String legalBasis,
                                    List<DataCategory> categories, List<OfficeCode> caseOffices,
                                    boolean allOffices, String reason, Instant proposedAt) {

    public PurposeChangeProposed {
        // a stored fact is read back as it was written: normalise, never refuse
        categories = categories == null ? List.of() : List.copyOf(categories);
        caseOffices = caseOffices == null ? List.of() : List.copyOf(caseOffices);
    }

    /** The purpose a PUT brings into force. */
    public Purpose toPurpose() {
        if (kind != PurposeChangeKind.PUT) {
            throw new IllegalStateException("a " + kind + " defines no purpose");
        }
        return new Purpose(code, office, name, legalBasis, new HashSet<>(categories), new HashSet<>(caseOffices),
                allOffices);
    }
}
