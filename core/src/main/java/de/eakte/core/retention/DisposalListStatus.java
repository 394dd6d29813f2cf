package de.eakte.core.retention;

/** A list is drawn up, then confirmed by one person, then approved (and carried out) by a second. */
public enum DisposalListStatus {
    DRAWN_UP, CONFIRMED, APPROVED
}
