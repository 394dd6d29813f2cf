package de.eakte.core.access.reidentification;

/** Where a re-identification request stands. */
public enum ReIdentificationStatus {
    PENDING, APPROVED, REJECTED
}
