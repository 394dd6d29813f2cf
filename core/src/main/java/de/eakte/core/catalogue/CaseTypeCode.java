package de.eakte.core.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import de.eakte.core.shared.InvalidValueException;

import java.util.regex.Pattern;

/** The code of a case type in an office's catalogue, e.g. {@code identity-card}. */
public record CaseTypeCode(String value) {

    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    public CaseTypeCode {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidValueException("caseType", "case-type-code",
                    "caseType must be a lower-case code such as identity-card");
        }
    }

    @JsonCreator
    public static CaseTypeCode of(String value) {
        return new CaseTypeCode(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
