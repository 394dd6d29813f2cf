package de.eakte.core.citizens;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import de.eakte.core.shared.InvalidValueException;

import java.util.regex.Pattern;

/** A German postcode (Postleitzahl): five digits whose first two (the zone) are not 00. */
public record Postcode(String value) {

    private static final Pattern FORM = Pattern.compile("(0[1-9]|[1-9][0-9])[0-9]{3}");

    public Postcode {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidValueException("postcode", "german-postcode",
                    "postcode must be a German postcode of five digits such as 10115");
        }
    }

    @JsonCreator
    public static Postcode of(String value) {
        return new Postcode(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
