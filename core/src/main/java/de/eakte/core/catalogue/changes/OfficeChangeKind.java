package de.eakte.core.catalogue.changes;

/** What a change does to an office: ADD brings in a new office number, RENAME renames one in force. */
public enum OfficeChangeKind {
    ADD, RENAME
}
