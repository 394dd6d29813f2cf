package de.eakte.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies a citizen's file (Bürgerakte); also the aggregate identifier of {@code CitizenFile}. */
public record CitizenId(UUID value) {

    public CitizenId {
        Values.requireNonNull("citizenId", value);
    }

    public static CitizenId random() {
        return new CitizenId(UUID.randomUUID());
    }

    @JsonCreator
    public static CitizenId of(String text) {
        return new CitizenId(Ids.parse("citizenId", text));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
