package de.eakte.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies a case (Vorgang); also the aggregate identifier of {@code Case}. */
public record CaseId(UUID value) {

    public CaseId {
        Values.requireNonNull("caseId", value);
    }

    public static CaseId random() {
        return new CaseId(UUID.randomUUID());
    }

    @JsonCreator
    public static CaseId of(String text) {
        return new CaseId(Ids.parse("caseId", text));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
