package de.eakte.core.shared;

/**
 * Who acts: the authenticated subject, their role and, for staff, their office. Travels in
 * commands (aggregates decide on it) and, through the metadata, on every event.
 */
public record Actor(Role role, String subject, OfficeCode office) {

    public Actor {
        Values.requireNonNull("role", role);
        subject = Values.requireText("subject", subject, 200);
        if (role == Role.STAFF && office == null) {
            throw new InvalidValueException("office", "staff-office", "staff act for an office");
        }
    }

    public static Actor staff(String subject, OfficeCode office) {
        return new Actor(Role.STAFF, subject, office);
    }

    public boolean isStaffOf(OfficeCode other) {
        return role == Role.STAFF && office != null && office.equals(other);
    }
}
