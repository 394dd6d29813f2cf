package de.eakte.core.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static de.eakte.core.shared.RuleAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

class ValuesTest {

    @Test
    void givenPaddedText_whenRequired_thenStripped() {
        assertThat(Values.requireText("f", "  text  ", 4)).isEqualTo("text");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\n\t "})
    void givenBlankText_whenRequired_thenRejected(String text) {
        assertInvalid(() -> Values.requireText("f", text, 10), "f", "required");
    }

    @Test
    void givenTextOverTheLimitAfterStripping_whenRequired_thenRejected() {
        assertThat(Values.requireText("f", " abcd ", 4)).isEqualTo("abcd");
        assertInvalid(() -> Values.requireText("f", "abcde", 4), "f", "max-length");
    }

    @Test
    void givenLineBreaksAndTabs_whenRequired_thenKept() {
        assertThat(Values.requireText("f", "line 1\r\nline 2\tend", 100)).isEqualTo("line 1\r\nline 2\tend");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\u001Bb", "a\u007Fb", "a\u0085b"})
    void givenOtherControlCharacters_whenRequired_thenRejected(String text) {
        assertInvalid(() -> Values.requireText("f", text, 100), "f", "no-control-characters");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void givenBlankOptionalText_whenRead_thenNull(String text) {
        assertThat(Values.optionalText("f", text, 10)).isNull();
    }

    @Test
    void givenOptionalText_whenPresent_thenCheckedLikeRequiredText() {
        assertThat(Values.optionalText("f", " x ", 10)).isEqualTo("x");
        assertInvalid(() -> Values.optionalText("f", "x".repeat(11), 10), "f", "max-length");
    }

    @Test
    void givenNull_whenRequiredNonNull_thenRejected() {
        assertInvalid(() -> Values.requireNonNull("f", null), "f", "required");
        assertThat(Values.requireNonNull("f", "v")).isEqualTo("v");
    }
}
