package de.eakte.core.catalogue;

/** Vertraulichkeitsstufe of a case, lowest first. */
public enum Confidentiality {
    NORMAL, CONFIDENTIAL, STRICTLY_CONFIDENTIAL;

    public boolean isAtLeast(Confidentiality other) {
        return compareTo(other) >= 0;
    }
}
