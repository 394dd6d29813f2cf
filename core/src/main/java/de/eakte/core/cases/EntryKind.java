package de.eakte.core.cases;

/** What an entry in a case is. */
public enum EntryKind {
    NOTE, INCOMING_LETTER, OUTGOING_LETTER, DOCUMENT
}
