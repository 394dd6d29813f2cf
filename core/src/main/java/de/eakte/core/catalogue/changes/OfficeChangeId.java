package de.eakte.core.catalogue.changes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import de.eakte.core.shared.InvalidValueException;
import de.eakte.core.shared.Values;

import java.util.UUID;
import java.util.regex.Pattern;

/** Identifies a proposed change to the offices; also the id of {@link OfficeChange}. */
public record OfficeChangeId(UUID value) {

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public OfficeChangeId {
        Values.requireNonNull("changeId", value);
    }

    public static OfficeChangeId random() {
        return new OfficeChangeId(UUID.randomUUID());
    }

    @JsonCreator
    public static OfficeChangeId of(String text) {
        // the canonical form only, as for the other ids (UUID.fromString accepts "1-1-1-1-1")
        if (text == null || !UUID_FORM.matcher(text).matches()) {
            throw new InvalidValueException("changeId", "uuid",
                    "changeId must be a UUID such as 3f2b8c1e-0c4a-4f7e-9d2a-5b6c7d8e9f01");
        }
        return new OfficeChangeId(UUID.fromString(text));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
