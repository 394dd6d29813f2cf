package de.eakte.core.access.policy;

import de.eakte.core.shared.InvalidValueException;

/** An explicit emergency justification (FHIR "Emergency Override"): at least 20 characters. */
public record BreakGlass(String justification) {

    public static final int MIN_LENGTH = 20;
    public static final int MAX_LENGTH = 1000;

    public BreakGlass {
        if (justification == null || justification.strip().length() < MIN_LENGTH) {
            throw new InvalidValueException("Access-Break-Glass", "break-glass-justification",
                    "Access-Break-Glass must be a justification of at least " + MIN_LENGTH + " characters");
        }
        justification = justification.strip();
        if (justification.length() > MAX_LENGTH || justification.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("Access-Break-Glass", "break-glass-justification",
                    "Access-Break-Glass must be one line of at most " + MAX_LENGTH + " characters");
        }
    }
}
