package de.eakte.core.citizens;

import de.eakte.core.shared.InvalidValueException;
import de.eakte.core.shared.Values;

import java.util.regex.Pattern;

/** A German postal address of residence. */
public record Address(String street, String houseNumber, Postcode postcode, String city) {

    private static final Pattern HOUSE_NUMBER = Pattern.compile("[0-9]{1,5}( ?[a-zA-Z])?([-/][0-9]{1,5}( ?[a-zA-Z])?)?");

    public Address {
        street = Values.requireText("address.street", street, 100);
        houseNumber = Values.requireText("address.houseNumber", houseNumber, 20);
        if (!HOUSE_NUMBER.matcher(houseNumber).matches()) {
            throw new InvalidValueException("address.houseNumber", "house-number",
                    "address.houseNumber must be a number with an optional letter or range, such as 12, 12a or 12-14");
        }
        Values.requireNonNull("address.postcode", postcode);
        city = Values.requireText("address.city", city, 100);
    }
}
