package de.eakte.core.citizens;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static de.eakte.core.shared.RuleAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

class PostcodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"01067", "10115", "51147", "80331", "99998"})
    void givenFiveDigitGermanPostcode_whenCreated_thenAccepted(String value) {
        assertThat(Postcode.of(value).toString()).isEqualTo(value);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "00123",   // zone 00 does not exist
            "1011",    // four digits (Austria, Switzerland)
            "101150",
            "1011a",
            "10 115",
            " 10115",
            "D-10115"})
    void givenAnythingElse_whenCreated_thenRejected(String value) {
        assertInvalid(() -> Postcode.of(value), "postcode", "german-postcode");
    }
}
