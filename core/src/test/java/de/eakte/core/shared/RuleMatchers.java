package de.eakte.core.shared;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.Objects;

/**
 * Hamcrest matchers for {@code AggregateTestFixture.expectException(Matcher)}: a refusal is
 * identified by its stable rule code (and kind or field), not by its message text.
 */
public final class RuleMatchers {

    private RuleMatchers() {
    }

    /** A {@link DomainRuleViolation} of this kind and rule. */
    public static Matcher<Throwable> violation(DomainRuleViolation.Kind kind, String rule) {
        return new ViolationMatcher(kind, rule, null, false);
    }

    /** A {@link DomainRuleViolation} of this kind and rule that names this field. */
    public static Matcher<Throwable> violation(DomainRuleViolation.Kind kind, String rule, String field) {
        return new ViolationMatcher(kind, rule, field, true);
    }

    /** An {@link InvalidValueException} for this field and rule. */
    public static Matcher<Throwable> invalidValue(String field, String rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof InvalidValueException e
                        && Objects.equals(e.field(), field) && Objects.equals(e.rule(), rule);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InvalidValueException field=" + field + " rule=" + rule);
            }

            @Override
            protected void describeMismatchSafely(Throwable item, Description description) {
                description.appendText("was ").appendText(describe(item));
            }
        };
    }

    private static String describe(Throwable t) {
        if (t instanceof DomainRuleViolation v) {
            return "DomainRuleViolation kind=" + v.kind() + " rule=" + v.rule() + " field=" + v.field();
        }
        if (t instanceof InvalidValueException e) {
            return "InvalidValueException field=" + e.field() + " rule=" + e.rule();
        }
        return String.valueOf(t);
    }

    private static final class ViolationMatcher extends TypeSafeMatcher<Throwable> {

        private final DomainRuleViolation.Kind kind;
        private final String rule;
        private final String field;
        private final boolean checkField;

        ViolationMatcher(DomainRuleViolation.Kind kind, String rule, String field, boolean checkField) {
            this.kind = kind;
            this.rule = rule;
            this.field = field;
            this.checkField = checkField;
        }

        @Override
        protected boolean matchesSafely(Throwable item) {
            return item instanceof DomainRuleViolation v
                    && v.kind() == kind
                    && Objects.equals(v.rule(), rule)
                    && (!checkField || Objects.equals(v.field(), field));
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("DomainRuleViolation kind=" + kind + " rule=" + rule
                    + (checkField ? " field=" + field : ""));
        }

        @Override
        protected void describeMismatchSafely(Throwable item, Description description) {
            description.appendText("was ").appendText(describe(item));
        }
    }
}
