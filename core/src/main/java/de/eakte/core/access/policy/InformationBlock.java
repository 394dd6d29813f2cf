package de.eakte.core.access.policy;

/** Auskunftssperre (BMG § 51) or bedingter Sperrvermerk (BMG § 52) on a citizen's registration data. */
public enum InformationBlock {
    NONE, BLOCK, CONDITIONAL
}
