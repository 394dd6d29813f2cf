package de.eakte.core.shared;

/** The roles a caller's token can carry. */
public enum Role {
    STAFF, CITIZEN, DPO, ADMIN;

    public String claimValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
