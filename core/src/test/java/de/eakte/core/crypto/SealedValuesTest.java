package de.eakte.core.crypto;

import de.eakte.core.cases.EntryAdded;
import de.eakte.core.cases.EntryKind;
import de.eakte.core.cases.StoredDocument;
import de.eakte.core.cases.Visibility;
import de.eakte.core.citizens.CitizenFileOpened;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.EntryId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SealedValuesTest {

    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");

    private static Set<KeyId> keysIn(Object value) {
        Set<KeyId> keys = new LinkedHashSet<>();
        SealedValues.collectKeys(value, keys);
        return keys;
    }

    @Test
    void givenCitizenFileOpened_whenCollected_thenTheCitizensKeyOnce() {
        CitizenId citizen = CitizenId.random();
        KeyId key = KeyId.citizen(citizen);

        Set<KeyId> keys = keysIn(new CitizenFileOpened(citizen, new Sealed(key, "bWFzdGVy"), new Sealed(key, "YWRkcmVzcw"), AT));

        assertThat(keys).containsExactly(key);
    }

    @Test
    void givenEntryWithDocument_whenCollected_thenTheKeysInTheNestedRecordToo() {
        CitizenId citizen = CitizenId.random();
        CaseId caseId = CaseId.random();
        KeyId text = KeyId.ofCase(citizen, caseId);
        KeyId title = KeyId.ofCase(citizen, CaseId.random());
        StoredDocument document = new StoredDocument(new Sealed(title, "dGl0bGU"), "application/pdf", 10, "ab".repeat(32), AT);

        Set<KeyId> keys = keysIn(new EntryAdded(caseId, EntryId.random(), EntryKind.DOCUMENT, Visibility.INTERNAL,
                new Sealed(text, "dGV4dA"), document, AT));

        assertThat(keys).containsExactly(text, title);
    }

    @Test
    void givenCollectionsNullsAndForeignValues_whenCollected_thenOnlyTheSealedOnes() {
        KeyId a = KeyId.citizen(CitizenId.random());
        KeyId b = KeyId.citizen(CitizenId.random());

        assertThat(keysIn(List.of(new Sealed(a, "eA"), new Sealed(b, "eQ")))).containsExactly(a, b);
        assertThat(keysIn(null)).isEmpty();
        assertThat(keysIn("citizen/" + CitizenId.random())).isEmpty();
        assertThat(keysIn(new Outer(List.of(new Inner(new Sealed(b, "eQ"), 1)), null))).containsExactly(b);
    }

    record Inner(Sealed value, int n) {
    }

    record Outer(List<Inner> inners, Sealed none) {
    }
}
