package de.eakte.core.shared;

/** Small checks shared by the value records' compact constructors. */
public final class Values {

    private Values() {
    }

    public static String requireText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, "required", field + " must not be blank");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new InvalidValueException(field, "max-length",
                    field + " must be at most " + maxLength + " characters");
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new InvalidValueException(field, "no-control-characters",
                    field + " must not contain control characters");
        }
        return trimmed;
    }

    public static String optionalText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return requireText(field, value, maxLength);
    }

    public static <T> T requireNonNull(String field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, "required", field + " is required");
        }
        return value;
    }
}
