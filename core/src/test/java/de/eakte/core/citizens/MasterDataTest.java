package de.eakte.core.citizens;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static de.eakte.core.shared.RuleAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

class MasterDataTest {

    private static final LocalDate BORN = LocalDate.of(1964, 8, 12);
    private static final IdNr ID_NR = IdNr.of("86095742719");

    @Test
    void givenCompleteData_whenCreated_thenTextsAreStripped() {
        MasterData data = new MasterData(" Mustermann ", " Erika Maria ", " Gabler ", BORN, " München ", ID_NR);

        assertThat(data).isEqualTo(new MasterData("Mustermann", "Erika Maria", "Gabler", BORN, "München", ID_NR));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void givenNoBirthName_whenCreated_thenBirthNameIsNull(String birthName) {
        assertThat(new MasterData("Mustermann", "Erika", birthName, BORN, "München", ID_NR).birthName()).isNull();
    }

    @Test
    void givenNoIdNr_whenCreated_thenAccepted() {
        assertThat(new MasterData("Mustermann", "Erika", null, BORN, "München", null).idNr()).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void givenNoFamilyName_whenCreated_thenRequired(String familyName) {
        assertInvalid(() -> new MasterData(familyName, "Erika", null, BORN, "München", null), "familyName", "required");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void givenNoGivenNames_whenCreated_thenRequired(String givenNames) {
        assertInvalid(() -> new MasterData("Mustermann", givenNames, null, BORN, "München", null), "givenNames", "required");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void givenNoPlaceOfBirth_whenCreated_thenRequired(String place) {
        assertInvalid(() -> new MasterData("Mustermann", "Erika", null, BORN, place, null), "placeOfBirth", "required");
    }

    @Test
    void givenOverlongTexts_whenCreated_thenRejectedForLength() {
        assertInvalid(() -> new MasterData("f".repeat(101), "Erika", null, BORN, "München", null), "familyName", "max-length");
        assertInvalid(() -> new MasterData("Mustermann", "g".repeat(201), null, BORN, "München", null), "givenNames", "max-length");
        assertInvalid(() -> new MasterData("Mustermann", "Erika", "b".repeat(101), BORN, "München", null), "birthName", "max-length");
        assertInvalid(() -> new MasterData("Mustermann", "Erika", null, BORN, "p".repeat(101), null), "placeOfBirth", "max-length");
    }

    @Test
    void givenControlCharacterInName_whenCreated_thenRejected() {
        assertInvalid(() -> new MasterData("Muster\u0007mann", "Erika", null, BORN, "München", null), "familyName", "no-control-characters");
    }

    @Test
    void givenNoDateOfBirth_whenCreated_thenRequired() {
        assertInvalid(() -> new MasterData("Mustermann", "Erika", null, null, "München", null), "dateOfBirth", "required");
    }

    @Test
    void givenDateOfBirthBefore1890_whenCreated_thenRejected() {
        assertThat(new MasterData("Mustermann", "Erika", null, MasterData.EARLIEST_BIRTH, "München", null).dateOfBirth())
                .isEqualTo(LocalDate.of(1890, 1, 1));
        assertInvalid(() -> new MasterData("Mustermann", "Erika", null, LocalDate.of(1889, 12, 31), "München", null),
                "dateOfBirth", "date-of-birth-range");
    }
}
