package de.eakte.core.shared;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** AssertJ shortcut for values that refuse themselves: the field and the rule are the contract. */
public final class RuleAssertions {

    private RuleAssertions() {
    }

    public static void assertInvalid(ThrowingCallable construction, String field, String rule) {
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(construction)
                .satisfies(e -> {
                    assertThat(e.field()).as("field").isEqualTo(field);
                    assertThat(e.rule()).as("rule").isEqualTo(rule);
                });
    }
}
