package de.eakte.core.retention;

/** Why a case on an approved list was not disposed of. */
public enum SkipReason {
    /** The case came under a legal hold after the list was drawn up. */
    LEGAL_HOLD
}
