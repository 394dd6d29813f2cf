package de.eakte.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies one entry (note, letter, document) within a case. */
public record EntryId(UUID value) {

    public EntryId {
        Values.requireNonNull("entryId", value);
    }

    public static EntryId random() {
        return new EntryId(UUID.randomUUID());
    }

    @JsonCreator
    public static EntryId of(String text) {
        return new EntryId(Ids.parse("entryId", text));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
