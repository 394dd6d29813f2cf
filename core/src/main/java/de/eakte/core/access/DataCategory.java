package de.eakte.core.access;

/** The parts of a citizen's file a read can return; the access log records which were returned. */
public enum DataCategory {
    MASTER_DATA, ADDRESS_HISTORY, CASE_SUMMARIES, CASE_ENTRIES
}
