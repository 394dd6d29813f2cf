package de.eakte.core.crypto;

import de.eakte.core.cases.CaseFields;
import de.eakte.core.citizens.Address;
import de.eakte.core.citizens.CitizenFields;
import de.eakte.core.citizens.IdNr;
import de.eakte.core.citizens.MasterData;
import de.eakte.core.citizens.Postcode;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldSealerTest {

    private static final CitizenId ERIKA_ID = CitizenId.of("3f2b8c1e-0c4a-4f7e-9d2a-5b6c7d8e9f01");
    private static final CitizenId MAX_ID = CitizenId.of("7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    private static final CaseId CASE = CaseId.of("0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e");
    private static final MasterData ERIKA = new MasterData("Müller-Lüdenscheidt", "Erika", null,
            LocalDate.of(1964, 8, 12), "München", IdNr.of("86095742719"));
    private static final Address HOME = new Address("Heidestraße", "17", Postcode.of("51147"), "Köln");

    private final InMemoryDataKeys keys = new InMemoryDataKeys(new Random(11));
    private final FieldSealer sealer = new FieldSealer(keys, NonceSource.secureRandom());

    @Test
    void sealedMasterDataOpensToTheSameValueAndHoldsNoPlaintext() {
        Sealed sealed = sealer.seal(KeyId.citizen(ERIKA_ID), ERIKA_ID.toString(), CitizenFields.MASTER_DATA, ERIKA);

        assertThat(sealer.open(sealed, ERIKA_ID.toString(), CitizenFields.MASTER_DATA).value()).contains(ERIKA);
        String bytes = new String(Base64.getDecoder().decode(sealed.data()), StandardCharsets.ISO_8859_1);
        assertThat(bytes).doesNotContain("Erika").doesNotContain("86095742719");
        assertThat(sealed.data()).doesNotContain("Erika");
    }

    @Test
    void addressAndNullsRoundTrip() {
        KeyId key = KeyId.citizen(ERIKA_ID);
        Sealed address = sealer.seal(key, ERIKA_ID.toString(), CitizenFields.ADDRESS, HOME);
        MasterData noIdNr = new MasterData("Schmidt", "Max", "Weber", LocalDate.of(1990, 1, 2), "Bonn", null);
        Sealed master = sealer.seal(key, ERIKA_ID.toString(), CitizenFields.MASTER_DATA, noIdNr);

        assertThat(sealer.open(address, ERIKA_ID.toString(), CitizenFields.ADDRESS).value()).contains(HOME);
        assertThat(sealer.open(master, ERIKA_ID.toString(), CitizenFields.MASTER_DATA).value()).contains(noIdNr);
        assertThat(sealer.seal(key, ERIKA_ID.toString(), CaseFields.ENTRY_TEXT, null)).isNull();
        assertThat(sealer.open(null, ERIKA_ID.toString(), CaseFields.ENTRY_TEXT).value()).isEmpty();
    }

    @Test
    void everySealingDrawsAFreshNonce() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(sealer.seal(KeyId.citizen(ERIKA_ID), ERIKA_ID.toString(), CaseFields.ENTRY_TEXT, "gleicher Text").data());
        }
        assertThat(seen).hasSize(200);
    }

    @Test
    void aCiphertextMovedToAnotherAggregateDoesNotOpen() {
        Sealed sealed = sealer.seal(KeyId.citizen(ERIKA_ID), ERIKA_ID.toString(), CitizenFields.MASTER_DATA, ERIKA);

        assertThatThrownBy(() -> sealer.open(sealed, MAX_ID.toString(), CitizenFields.MASTER_DATA))
                .isInstanceOf(SealBrokenException.class).hasMessageContaining("does not authenticate");
    }

    @Test
    void aCiphertextMovedToAnotherFieldDoesNotOpen() {
        KeyId key = KeyId.ofCase(ERIKA_ID, CASE);
        Sealed subject = sealer.seal(key, CASE.toString(), CaseFields.SUBJECT, "Antrag auf Wohngeld");

        assertThatThrownBy(() -> sealer.open(subject, CASE.toString(), CaseFields.ENTRY_TEXT))
                .isInstanceOf(SealBrokenException.class);
    }

    @Test
    void aCiphertextRelabelledWithAnotherKeyIdDoesNotOpen() {
        KeyId erikasKey = KeyId.citizen(ERIKA_ID);
        KeyId maxsKey = KeyId.citizen(MAX_ID);
        sealer.seal(maxsKey, MAX_ID.toString(), CaseFields.SUBJECT, "creates Max's key");
        Sealed sealed = sealer.seal(erikasKey, ERIKA_ID.toString(), CaseFields.SUBJECT, "Antrag");

        assertThatThrownBy(() -> sealer.open(new Sealed(maxsKey, sealed.data()), ERIKA_ID.toString(), CaseFields.SUBJECT))
                .isInstanceOf(SealBrokenException.class);
    }

    @Test
    void anAlteredCiphertextDoesNotOpen() {
        Sealed sealed = sealer.seal(KeyId.citizen(ERIKA_ID), ERIKA_ID.toString(), CaseFields.SUBJECT, "Antrag");
        byte[] bytes = Base64.getDecoder().decode(sealed.data());
        bytes[bytes.length - 1] ^= 1;

        assertThatThrownBy(() -> sealer.open(new Sealed(sealed.key(), Base64.getEncoder().encodeToString(bytes)),
                ERIKA_ID.toString(), CaseFields.SUBJECT)).isInstanceOf(SealBrokenException.class);
    }

    @Test
    void afterTheFamilyIsDestroyedEverySealedValueReadsAsRedactedAndNothingMoreIsSealed() {
        KeyId citizenKey = KeyId.citizen(ERIKA_ID);
        KeyId caseKey = KeyId.ofCase(ERIKA_ID, CASE);
        Sealed master = sealer.seal(citizenKey, ERIKA_ID.toString(), CitizenFields.MASTER_DATA, ERIKA);
        Sealed subject = sealer.seal(caseKey, CASE.toString(), CaseFields.SUBJECT, "Antrag");
        Sealed othersSubject = sealer.seal(KeyId.citizen(MAX_ID), MAX_ID.toString(), CaseFields.SUBJECT, "bleibt");

        assertThat(keys.destroyFamily(citizenKey)).containsExactlyInAnyOrder(citizenKey, caseKey);

        Opened<MasterData> opened = sealer.open(master, ERIKA_ID.toString(), CitizenFields.MASTER_DATA);
        assertThat(opened).isEqualTo(new Opened.Redacted<MasterData>(citizenKey));
        assertThat(opened.isRedacted()).isTrue();
        assertThat(sealer.open(subject, CASE.toString(), CaseFields.SUBJECT).isRedacted()).isTrue();
        assertThat(sealer.open(othersSubject, MAX_ID.toString(), CaseFields.SUBJECT).value()).contains("bleibt");
        assertThatThrownBy(() -> sealer.seal(citizenKey, ERIKA_ID.toString(), CaseFields.SUBJECT, "neu"))
                .isInstanceOf(KeyDestroyedException.class);
    }

    @Test
    void destroyingOneCaseKeyLeavesTheCitizensOtherKeys() {
        KeyId caseKey = KeyId.ofCase(ERIKA_ID, CASE);
        Sealed master = sealer.seal(KeyId.citizen(ERIKA_ID), ERIKA_ID.toString(), CitizenFields.MASTER_DATA, ERIKA);
        Sealed subject = sealer.seal(caseKey, CASE.toString(), CaseFields.SUBJECT, "Antrag");

        keys.destroyFamily(caseKey);

        assertThat(sealer.open(subject, CASE.toString(), CaseFields.SUBJECT).isRedacted()).isTrue();
        assertThat(sealer.open(master, ERIKA_ID.toString(), CitizenFields.MASTER_DATA).value()).contains(ERIKA);
    }

    @Test
    void keyIdsAreFamilies() {
        assertThat(KeyId.ofCase(ERIKA_ID, CASE).isInFamilyOf(KeyId.citizen(ERIKA_ID))).isTrue();
        assertThat(KeyId.ofCase(ERIKA_ID, CASE).isInFamilyOf(KeyId.citizen(MAX_ID))).isFalse();
        assertThat(KeyId.citizen(ERIKA_ID).isInFamilyOf(KeyId.ofCase(ERIKA_ID, CASE))).isFalse();
    }
}
