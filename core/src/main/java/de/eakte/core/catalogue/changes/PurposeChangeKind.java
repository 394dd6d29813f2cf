package de.eakte.core.catalogue.changes;

/** What a change does to a purpose: PUT adds it or replaces it whole, WITHDRAW takes it out of force. */
public enum PurposeChangeKind {
    PUT, WITHDRAW
}
