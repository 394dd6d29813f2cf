package de.eakte.core.access;

import de.eakte.core.cases.FileReference;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.OfficeCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessRecordTest {

    private static final UUID ACCESS_ID = UUID.fromString("5d1e0c4a-8f2b-4a7e-9c3d-1b2a3c4d5e6f");
    private static final Instant AT = Instant.parse("2026-03-10T09:00:00Z");
    private static final Actor CLERK = Actor.staff("clerk-mueller", OfficeCode.of("33"));
    private static final CitizenId CITIZEN = CitizenId.of("3f2b8c1e-0c4a-4f7e-9d2a-5b6c7d8e9f01");
    private static final FileReference REFERENCE = FileReference.parse("33-122.20-000042-2026");

    private static AccessRecord record(Set<DataCategory> categories, List<FileReference> references) {
        return new AccessRecord(ACCESS_ID, AT, CLERK, CITIZEN, AccessOutcome.GRANTED, "own-office-case",
                categories, references, "case-processing", Channel.REST, "corr-1");
    }

    @Test
    void givenRecord_whenTurnedIntoEvent_thenEveryFieldIsCarriedAndThePersonalOnesSealed() {
        de.eakte.core.crypto.FieldSealer sealer = new de.eakte.core.crypto.FieldSealer(
                new de.eakte.core.crypto.InMemoryDataKeys(new java.util.Random(1)),
                de.eakte.core.crypto.NonceSource.secureRandom());
        de.eakte.core.crypto.KeyId key = de.eakte.core.crypto.KeyId.accessPeriod("bmg", java.time.YearMonth.of(2026, 3));
        AccessRecord record = new AccessRecord(ACCESS_ID, AT, CLERK, CITIZEN, AccessOutcome.GRANTED, "purpose",
                Set.of(DataCategory.MASTER_DATA), List.of(REFERENCE), "BMG-34", "BMG § 34", "Pruefung", null, false,
                Channel.REST, "corr-1");

        AccessRecorded event = AccessRecorded.of(record, sealer, key, "cHJldmlvdXM=");

        assertThat(event.accessId()).isEqualTo(ACCESS_ID);
        assertThat(event.citizenId()).isEqualTo(CITIZEN);
        assertThat(event.actorRole()).isEqualTo(CLERK.role());
        assertThat(event.actorOffice()).isEqualTo(OfficeCode.of("33"));
        assertThat(event.legalBasis()).isEqualTo("BMG § 34");
        assertThat(event.previousHash()).isEqualTo("cHJldmlvdXM=");
        assertThat(event.sealedWith()).isEqualTo(key);
        assertThat(event.breakGlass()).as("nothing to seal stays null").isNull();
        assertThat(event.actorSubject().data()).doesNotContain("clerk");
        assertThat(sealer.open(event.actorSubject(), ACCESS_ID.toString(), AccessFields.ACTOR_SUBJECT).value())
                .contains("clerk-mueller");
        assertThat(sealer.open(event.reason(), ACCESS_ID.toString(), AccessFields.REASON).value()).contains("Pruefung");
    }

    @Test
    void givenMutableCollections_whenRecorded_thenLaterChangesDoNotLeakIn() {
        Set<DataCategory> categories = EnumSet.of(DataCategory.MASTER_DATA);
        List<FileReference> references = new ArrayList<>(List.of(REFERENCE));
        AccessRecord record = record(categories, references);

        categories.add(DataCategory.CASE_ENTRIES);
        references.clear();

        assertThat(record.categories()).containsExactly(DataCategory.MASTER_DATA);
        assertThat(record.fileReferences()).containsExactly(REFERENCE);
        assertThatThrownBy(() -> record.fileReferences().add(REFERENCE)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void givenReadWithoutPurpose_whenRecorded_thenPurposeMayBeNull() {
        AccessRecord record = new AccessRecord(ACCESS_ID, AT, CLERK, CITIZEN, AccessOutcome.DENIED, "purpose-required",
                Set.of(), List.of(), null, Channel.REST, null);

        assertThat(record.purpose()).isNull();
        assertThat(record.categories()).isEmpty();
    }

    @Test
    void givenMissingRequiredPart_whenRecorded_thenRejected() {
        assertThatNullPointerException().isThrownBy(() -> new AccessRecord(null, AT, CLERK, CITIZEN,
                AccessOutcome.GRANTED, "r", Set.of(), List.of(), null, Channel.REST, null));
        assertThatNullPointerException().isThrownBy(() -> new AccessRecord(ACCESS_ID, AT, null, CITIZEN,
                AccessOutcome.GRANTED, "r", Set.of(), List.of(), null, Channel.REST, null));
        assertThatNullPointerException().isThrownBy(() -> new AccessRecord(ACCESS_ID, AT, CLERK, null,
                AccessOutcome.GRANTED, "r", Set.of(), List.of(), null, Channel.REST, null));
        assertThatNullPointerException().isThrownBy(() -> new AccessRecord(ACCESS_ID, AT, CLERK, CITIZEN,
                null, "r", Set.of(), List.of(), null, Channel.REST, null));
        assertThatNullPointerException().isThrownBy(() -> new AccessRecord(ACCESS_ID, AT, CLERK, CITIZEN,
                AccessOutcome.GRANTED, "r", Set.of(), List.of(), null, null, null));
    }
}
