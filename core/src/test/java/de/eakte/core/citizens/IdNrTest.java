package de.eakte.core.citizens;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static de.eakte.core.shared.RuleAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class IdNrTest {

    /**
     * Published examples: 86095742719 (de.wikipedia.org, "Steuerliche Identifikationsnummer"),
     * 36574261809 (python-stdnum / stdnum-js test data).
     */
    @ParameterizedTest
    @CsvSource({"8609574271, 9", "3657426180, 9"})
    void givenPublishedExample_whenComputingCheckDigit_thenItMatchesThePublishedOne(String firstTen, int expected) {
        assertThat(IdNr.checkDigit(firstTen)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"86095742719", "36574261809"})
    void givenKnownValidNumber_whenCreated_thenAcceptedAndWrittenAsIs(String value) {
        IdNr idNr = IdNr.of(value);

        assertThat(idNr.value()).isEqualTo(value);
        assertThat(idNr.toString()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"86095742710", "86095742718", "36574261808", "36574261800"})
    void givenWrongCheckDigit_whenCreated_thenRejected(String value) {
        assertInvalid(() -> IdNr.of(value), "idNr", "idnr-check-digit");
    }

    @Test
    void givenValidNumber_whenAnySingleOfTheFirstTenDigitsIsMistyped_thenRejected() {
        // ISO/IEC 7064 MOD 11,10 catches every single-digit substitution
        String valid = "86095742719";
        for (int position = 0; position < 10; position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit == valid.charAt(position) || (position == 0 && digit == '0')) {
                    continue;
                }
                String typo = valid.substring(0, position) + digit + valid.substring(position + 1);
                assertInvalid(() -> IdNr.of(typo), "idNr", "idnr-check-digit");
            }
        }
    }

    @Test
    void givenLeadingZero_whenCreated_thenRejectedAsFormat() {
        assertInvalid(() -> IdNr.of("06095742719"), "idNr", "idnr-format");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "8609574271",      // ten digits
            "860957427190",    // twelve digits
            "8609574271X",     // letter
            "86O95742719",     // letter O for zero
            "86 095 742 719",  // grouped as printed on the notice
            " 86095742719"})
    void givenWrongLengthOrNonDigits_whenCreated_thenRejectedAsFormat(String value) {
        assertInvalid(() -> IdNr.of(value), "idNr", "idnr-format");
    }

    @Test
    void givenDigitsWhoseCheckComputesToTen_whenComputing_thenZero() {
        // ITZBund: "11 - product" can be 10; the IdNr then carries 0. Worked by hand for 1234567029:
        // product 10 -> 2 -> 8 -> 2 -> 1 -> 1 -> 3 -> 9 -> 7 -> 7 -> 1, and 11 - 1 = 10.
        assertThat(IdNr.checkDigit("1234567029")).isZero();
        assertThatCode(() -> IdNr.of("12345670290")).doesNotThrowAnyException();
    }
}
