package de.eakte.core.shared;

/**
 * An aggregate refused a command because of its state or the actor (closed case, invalid status
 * move, foreign office). {@link #rule()} is a stable code the API turns into a problem type.
 */
public class DomainRuleViolation extends RuntimeException {

    /** How the edge should classify the refusal. */
    public enum Kind { CONFLICT, FORBIDDEN, NOT_FOUND, INVALID, GONE }

    private final String rule;
    private final String field;
    private final Kind kind;

    public DomainRuleViolation(Kind kind, String rule, String field, String message) {
        super(message);
        this.kind = kind;
        this.rule = rule;
        this.field = field;
    }

    public static DomainRuleViolation conflict(String rule, String message) {
        return new DomainRuleViolation(Kind.CONFLICT, rule, null, message);
    }

    public static DomainRuleViolation forbidden(String rule, String message) {
        return new DomainRuleViolation(Kind.FORBIDDEN, rule, null, message);
    }

    public static DomainRuleViolation invalid(String rule, String field, String message) {
        return new DomainRuleViolation(Kind.INVALID, rule, field, message);
    }

    public static DomainRuleViolation notFound(String rule, String field, String message) {
        return new DomainRuleViolation(Kind.NOT_FOUND, rule, field, message);
    }

    /** The data was erased for good (GDPR Art. 17); nothing more can be done with it. */
    public static DomainRuleViolation gone(String rule, String message) {
        return new DomainRuleViolation(Kind.GONE, rule, null, message);
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }

    public Kind kind() {
        return kind;
    }
}
