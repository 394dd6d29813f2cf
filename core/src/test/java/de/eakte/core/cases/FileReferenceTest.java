package de.eakte.core.cases;

import de.eakte.core.shared.OfficeCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static de.eakte.core.shared.RuleAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

class FileReferenceTest {

    private static final OfficeCode RESIDENTS = OfficeCode.of("33");

    @Test
    void givenParts_whenFormatted_thenNumberHasSixDigitsAndYearFour() {
        FileReference reference = new FileReference(RESIDENTS, "122.20", 42, 2026);

        assertThat(reference.toString()).isEqualTo("33-122.20-000042-2026");
        assertThat(FileReference.parse("33-122.20-000042-2026")).isEqualTo(reference);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "33-122.20-000042-2026",
            "50-470.10-000001-2027",
            "63-621.10-999999-2030",
            "63-621.10-1234567-2030",   // the seventh digit comes when an office passes 999,999 in a year
            "320-1-000001-1900",
            "33-1.2.3.4-000042-9999"})
    void givenCanonicalText_whenParsedAndFormatted_thenSameText(String text) {
        assertThat(FileReference.parse(text).toString()).isEqualTo(text);
    }

    @Test
    void givenText_whenParsed_thenPartsAreRead() {
        FileReference reference = FileReference.parse("50-470.10-000123-2027");

        assertThat(reference.office()).isEqualTo(OfficeCode.of("50"));
        assertThat(reference.filePlanKey()).isEqualTo("470.10");
        assertThat(reference.number()).isEqualTo(123);
        assertThat(reference.year()).isEqualTo(2027);
    }

    @Test
    void givenReference_whenFormatted_thenNoSlashSoItFitsInAUrlPath() {
        assertThat(new FileReference(RESIDENTS, "122.20", 42, 2026).toString()).doesNotContain("/");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "33/122.20/000042/2026",     // the paper form with slashes
            "33-122.20-42-2026",         // number not padded
            "33-122.20-000042-26",       // two-digit year
            "3-122.20-000042-2026",      // one-digit office
            "3333-122.20-000042-2026",
            "33-122.20-000042",
            "33-000042-2026",
            "x33-122.20-000042-2026",
            " 33-122.20-000042-2026",
            "33-122.20-000042-2026 ",
            "33-122..20-000042-2026",    // form matches, file-plan key does not
            "33-.122-000042-2026",
            "33-122.20-000000-2026",     // running numbers start at 1
            "33-122.20-000042-1899",
            "garbage"})
    void givenGarbage_whenParsed_thenRejected(String text) {
        assertInvalid(() -> FileReference.parse(text), "fileReference", "file-reference");
    }

    @Test
    void givenBadParts_whenConstructed_thenRejected() {
        assertInvalid(() -> new FileReference(null, "122.20", 42, 2026), "fileReference", "file-reference");
        assertInvalid(() -> new FileReference(RESIDENTS, "122/20", 42, 2026), "fileReference", "file-reference");
        assertInvalid(() -> new FileReference(RESIDENTS, null, 42, 2026), "fileReference", "file-reference");
        assertInvalid(() -> new FileReference(RESIDENTS, "122.20", 0, 2026), "fileReference", "file-reference");
        assertInvalid(() -> new FileReference(RESIDENTS, "122.20", -1, 2026), "fileReference", "file-reference");
        assertInvalid(() -> new FileReference(RESIDENTS, "122.20", 42, 1899), "fileReference", "file-reference");
        assertInvalid(() -> new FileReference(RESIDENTS, "122.20", 42, 10_000), "fileReference", "file-reference");
    }
}
