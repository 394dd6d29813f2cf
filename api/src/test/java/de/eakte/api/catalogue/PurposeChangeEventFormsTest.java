package de.eakte.api.catalogue;

import de.eakte.api.config.AxonConfiguration;
import de.eakte.core.access.DataCategory;
import de.eakte.core.access.policy.PurposeCode;
import de.eakte.core.catalogue.changes.DpoOpinionAttached;
import de.eakte.core.catalogue.changes.PurposeChangeApproved;
import de.eakte.core.catalogue.changes.PurposeChangeId;
import de.eakte.core.catalogue.changes.PurposeChangeKind;
import de.eakte.core.catalogue.changes.PurposeChangeProposed;
import de.eakte.core.catalogue.changes.PurposeChangeRejected;
import de.eakte.core.shared.OfficeCode;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored form of a withdrawal, which carries no purpose definition. The catalogue events
 * themselves are pinned with all others in {@code EventFormsTest}.
 */
class PurposeChangeEventFormsTest {

    private static final PurposeChangeId CHANGE = PurposeChangeId.of("5d6e7f80-1a2b-4c3d-8e4f-a0b1c2d3e4f5");
    private static final Instant AT = Instant.parse("2026-11-21T09:15:30Z");

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(AxonConfiguration.eventObjectMapper()).build();

    @org.junit.jupiter.api.Test
    void givenAStoredWithdrawal_whenRead_thenItHasNoDefinitionAndEmptyLists() {
        PurposeChangeProposed withdrawal = new PurposeChangeProposed(CHANGE, PurposeChangeKind.WITHDRAW,
                new OfficeCode("33"), new PurposeCode("BMG-34"), null, null, null, null, false, "entfällt", AT);
        SerializedObject<byte[]> stored = serializer.serialize(withdrawal, byte[].class);

        assertThat(new String(stored.getData(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"changeId\":\"5d6e7f80-1a2b-4c3d-8e4f-a0b1c2d3e4f5\",\"kind\":\"WITHDRAW\",\"office\":\"33\","
                        + "\"code\":\"BMG-34\",\"name\":null,\"legalBasis\":null,\"categories\":[],\"caseOffices\":[],"
                        + "\"allOffices\":false,\"reason\":\"entfällt\",\"proposedAt\":\"2026-11-21T09:15:30Z\"}");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(withdrawal);
    }
}
