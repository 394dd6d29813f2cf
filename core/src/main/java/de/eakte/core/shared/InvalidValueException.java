package de.eakte.core.shared;

/**
 * A value that breaks its own rule, found where it is constructed. Carries the field and a stable
 * rule code, so the edge can name both in its problem response.
 */
public class InvalidValueException extends IllegalArgumentException {

    private final String field;
    private final String rule;

    public InvalidValueException(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
