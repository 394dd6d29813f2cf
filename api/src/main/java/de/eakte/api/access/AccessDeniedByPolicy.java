package de.eakte.api.access;

/** The access policy denied a read; the problem response names the rule. */
public class AccessDeniedByPolicy extends RuntimeException {

    private final String rule;

    public AccessDeniedByPolicy(String rule, String explanation) {
        super(explanation);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
