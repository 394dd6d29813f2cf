package de.eakte.core.access;

/** How a read of citizen data was decided. */
public enum AccessOutcome {
    GRANTED, DENIED, BREAK_GLASS
}
