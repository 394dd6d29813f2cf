package de.eakte.core.cases;

import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.OfficeCode;

/**
 * Port: draws the next running number for an office and year and reserves the reference for a
 * case, inside the transaction that stores the case's first event. Implemented on a database
 * sequence with a unique constraint, so opening cases never queues behind one counter aggregate.
 */
public interface FileReferenceAllocator {

    FileReference allocate(OfficeCode office, String filePlanKey, int year, CaseId caseId);
}
