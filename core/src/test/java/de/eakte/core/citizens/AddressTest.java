package de.eakte.core.citizens;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static de.eakte.core.shared.RuleAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

class AddressTest {

    private static final Postcode POSTCODE = Postcode.of("51147");

    @ParameterizedTest
    @ValueSource(strings = {"1", "12", "12a", "12 a", "12A", "12-14", "12/1", "12a-12c", "12345"})
    void givenHouseNumberForm_whenCreated_thenAccepted(String houseNumber) {
        assertThat(address("Heidestraße", houseNumber, "Köln").houseNumber()).isEqualTo(houseNumber);
    }

    @Test
    void givenPaddedValues_whenCreated_thenStripped() {
        Address address = new Address("  Heidestraße ", " 17a ", POSTCODE, " Köln ");

        assertThat(address).isEqualTo(new Address("Heidestraße", "17a", POSTCODE, "Köln"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void givenNoHouseNumber_whenCreated_thenRequired(String houseNumber) {
        assertInvalid(() -> address("Heidestraße", houseNumber, "Köln"), "address.houseNumber", "required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "a12", "12ab", "12 ab", "12--14", "12-", "-12", "12 - 14", "123456", "12.5", "½"})
    void givenGarbageHouseNumber_whenCreated_thenRejected(String houseNumber) {
        assertInvalid(() -> address("Heidestraße", houseNumber, "Köln"), "address.houseNumber", "house-number");
    }

    @Test
    void givenHouseNumberLongerThanTwenty_whenCreated_thenRejectedForLength() {
        assertInvalid(() -> address("Heidestraße", "1".repeat(21), "Köln"), "address.houseNumber", "max-length");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void givenNoStreet_whenCreated_thenRequired(String street) {
        assertInvalid(() -> address(street, "17", "Köln"), "address.street", "required");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void givenNoCity_whenCreated_thenRequired(String city) {
        assertInvalid(() -> address("Heidestraße", "17", city), "address.city", "required");
    }

    @Test
    void givenNoPostcode_whenCreated_thenRequired() {
        assertInvalid(() -> new Address("Heidestraße", "17", null, "Köln"), "address.postcode", "required");
    }

    @Test
    void givenOverlongStreetOrCity_whenCreated_thenRejectedForLength() {
        assertThat(address("s".repeat(100), "17", "c".repeat(100)).street()).hasSize(100);
        assertInvalid(() -> address("s".repeat(101), "17", "Köln"), "address.street", "max-length");
        assertInvalid(() -> address("Heidestraße", "17", "c".repeat(101)), "address.city", "max-length");
    }

    private static Address address(String street, String houseNumber, String city) {
        return new Address(street, houseNumber, POSTCODE, city);
    }
}
