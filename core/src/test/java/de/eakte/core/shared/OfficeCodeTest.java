package de.eakte.core.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static de.eakte.core.shared.RuleAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

class OfficeCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"33", "50", "123"})
    void givenTwoOrThreeDigits_whenCreated_thenAccepted(String code) {
        assertThat(OfficeCode.of(code).toString()).isEqualTo(code);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"3", "1234", "3a", " 33", "33 ", "-33"})
    void givenOtherText_whenCreated_thenRejected(String code) {
        assertInvalid(() -> OfficeCode.of(code), "office", "office-code");
    }
}
