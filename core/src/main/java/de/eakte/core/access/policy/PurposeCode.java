package de.eakte.core.access.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import de.eakte.core.shared.InvalidValueException;

import java.util.regex.Pattern;

/** The code of a purpose (Anlass/Zweck) in an office's catalogue, e.g. {@code BMG-34}. */
public record PurposeCode(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Z][A-Z0-9-]{1,39}");

    public PurposeCode {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidValueException("Access-Purpose", "purpose-code",
                    "Access-Purpose must be a purpose code of the office's catalogue such as BMG-34");
        }
    }

    @JsonCreator
    public static PurposeCode of(String value) {
        return new PurposeCode(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
