package de.eakte.core.citizens;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import de.eakte.core.shared.InvalidValueException;

/**
 * Steuerliche Identifikationsnummer, the identification number of the IDNrG: 11 digits, the first
 * not 0, the last a check digit over the first ten (ISO/IEC 7064 MOD 11,10; AO § 139b).
 */
public record IdNr(String value) {

    public IdNr {
        if (value == null || !value.matches("[1-9][0-9]{10}")) {
            throw new InvalidValueException("idNr", "idnr-format", "idNr must be 11 digits and must not start with 0");
        }
        if (checkDigit(value.substring(0, 10)) != value.charAt(10) - '0') {
            throw new InvalidValueException("idNr", "idnr-check-digit", "idNr check digit does not match (ISO 7064 MOD 11,10)");
        }
    }

    @JsonCreator
    public static IdNr of(String value) {
        return new IdNr(value);
    }

    /** ISO/IEC 7064 MOD 11,10 over the given digits. */
    public static int checkDigit(String digits) {
        int product = 10;
        for (int i = 0; i < digits.length(); i++) {
            int sum = (digits.charAt(i) - '0' + product) % 10;
            if (sum == 0) {
                sum = 10;
            }
            product = (sum * 2) % 11;
        }
        int check = 11 - product;
        return check == 10 ? 0 : check;
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
