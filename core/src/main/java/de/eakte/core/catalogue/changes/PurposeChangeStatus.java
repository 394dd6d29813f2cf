package de.eakte.core.catalogue.changes;

/** Where a change stands: waiting for a second admin, or decided either way. */
public enum PurposeChangeStatus {
    PENDING, APPROVED, REJECTED
}
