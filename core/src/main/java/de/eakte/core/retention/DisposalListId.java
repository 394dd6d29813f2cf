package de.eakte.core.retention;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import de.eakte.core.shared.InvalidValueException;
import de.eakte.core.shared.Values;

import java.util.UUID;
import java.util.regex.Pattern;

/** Identifies a disposal list; also the id of {@link DisposalList}. */
public record DisposalListId(UUID value) {

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public DisposalListId {
        Values.requireNonNull("listId", value);
    }

    public static DisposalListId random() {
        return new DisposalListId(UUID.randomUUID());
    }

    @JsonCreator
    public static DisposalListId of(String text) {
        if (text == null || !UUID_FORM.matcher(text).matches()) {
            throw new InvalidValueException("listId", "uuid",
                    "listId must be a UUID such as 3f2b8c1e-0c4a-4f7e-9d2a-5b6c7d8e9f01");
        }
        return new DisposalListId(UUID.fromString(text));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
