package de.eakte.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/**
 * An office (Amt/Dienststelle), named by its number in the municipal administration outline
 * (KGSt Verwaltungsgliederungsplan, e.g. 33 residents' registration, 50 social services).
 */
public record OfficeCode(String value) {

    private static final Pattern FORM = Pattern.compile("[0-9]{2,3}");

    public OfficeCode {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidValueException("office", "office-code", "office must be a 2-3 digit office number such as 33");
        }
    }

    @JsonCreator
    public static OfficeCode of(String value) {
        return new OfficeCode(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
