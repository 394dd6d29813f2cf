package de.eakte.core.access.reidentification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import de.eakte.core.shared.InvalidValueException;
import de.eakte.core.shared.Values;

import java.util.UUID;
import java.util.regex.Pattern;

/** Identifies a request to re-identify a staff pseudonym; also the id of {@link ReIdentification}. */
public record ReIdentificationId(UUID value) {

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public ReIdentificationId {
        Values.requireNonNull("reIdentificationId", value);
    }

    public static ReIdentificationId random() {
        return new ReIdentificationId(UUID.randomUUID());
    }

    @JsonCreator
    public static ReIdentificationId of(String text) {
        if (text == null || !UUID_FORM.matcher(text).matches()) {
            throw new InvalidValueException("reIdentificationId", "uuid",
                    "reIdentificationId must be a UUID such as 3f2b8c1e-0c4a-4f7e-9d2a-5b6c7d8e9f01");
        }
        return new ReIdentificationId(UUID.fromString(text));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
