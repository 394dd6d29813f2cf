package de.eakte.core.access;

/** What a staff search looked for. */
public enum SearchScope {
    CITIZENS, CASES
}
