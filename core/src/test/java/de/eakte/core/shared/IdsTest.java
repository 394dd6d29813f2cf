package de.eakte.core.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static de.eakte.core.shared.RuleAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {

    private static final String CANONICAL = "3f2b8c1e-0c4a-4f7e-9d2a-5b6c7d8e9f01";

    @Test
    void givenCanonicalUuid_whenParsingEachId_thenItRoundTrips() {
        assertThat(CitizenId.of(CANONICAL).toString()).isEqualTo(CANONICAL);
        assertThat(CaseId.of(CANONICAL).toString()).isEqualTo(CANONICAL);
        assertThat(EntryId.of(CANONICAL).toString()).isEqualTo(CANONICAL);
        assertThat(CitizenId.of(CANONICAL).value()).isEqualTo(UUID.fromString(CANONICAL));
    }

    @Test
    void givenUpperCaseUuid_whenParsing_thenAcceptedAndWrittenInLowerCase() {
        // RFC 9562 §4: UUIDs are case-insensitive on input and written in lower case
        assertThat(CitizenId.of(CANONICAL.toUpperCase()).toString()).isEqualTo(CANONICAL);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "1-1-1-1-1",                                     // UUID.fromString would take it
            "3f2b8c1e0c4a4f7e9d2a5b6c7d8e9f01",              // no hyphens
            "{3f2b8c1e-0c4a-4f7e-9d2a-5b6c7d8e9f01}",        // braces
            "urn:uuid:3f2b8c1e-0c4a-4f7e-9d2a-5b6c7d8e9f01", // URN form
            " 3f2b8c1e-0c4a-4f7e-9d2a-5b6c7d8e9f01",         // leading space
            "3f2b8c1e-0c4a-4f7e-9d2a-5b6c7d8e9f011",         // one digit too many
            "3f2b8c1g-0c4a-4f7e-9d2a-5b6c7d8e9f01",          // not hex
            "not-a-uuid"})
    void givenNonCanonicalText_whenParsingCitizenId_thenRejected(String text) {
        assertInvalid(() -> CitizenId.of(text), "citizenId", "uuid");
    }

    @Test
    void givenNonCanonicalText_whenParsingCaseOrEntryId_thenFieldIsNamed() {
        assertInvalid(() -> CaseId.of("1-1-1-1-1"), "caseId", "uuid");
        assertInvalid(() -> EntryId.of("1-1-1-1-1"), "entryId", "uuid");
    }

    @Test
    void givenNullUuid_whenConstructing_thenRequired() {
        assertInvalid(() -> new CitizenId(null), "citizenId", "required");
        assertInvalid(() -> new CaseId(null), "caseId", "required");
        assertInvalid(() -> new EntryId(null), "entryId", "required");
    }
}
