package de.eakte.core.crypto;

import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyIdTest {

    @Test
    void givenAccessPeriodKey_whenBuiltAndRead_thenClassAndMonthComeBack() {
        KeyId key = KeyId.accessPeriod("bmg", YearMonth.of(2026, 3));

        assertThat(key.value()).isEqualTo("access/bmg/2026-03");
        assertThat(key.isAccessPeriod()).isTrue();
        assertThat(key.accessClass()).isEqualTo("bmg");
        assertThat(key.accessMonth()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(KeyId.of("access/bmg/2026-03")).isEqualTo(key);
    }

    @Test
    void givenMalformedAccessKeys_whenParsed_thenRefused() {
        for (String bad : new String[] {"access/bmg/2026-13", "access/BMG/2026-03", "access/bmg/2026-3",
                "access//2026-03", "access/bmg/2026-03/x", "access/bmg"}) {
            assertThatThrownBy(() -> KeyId.of(bad)).as(bad).isInstanceOf(InvalidValueException.class);
        }
    }

    @Test
    void givenCitizenKeys_whenCompared_thenAccessKeysAreNoFamilyOfThem() {
        CitizenId citizen = CitizenId.random();
        KeyId caseKey = KeyId.ofCase(citizen, CaseId.random());

        assertThat(caseKey.isAccessPeriod()).isFalse();
        assertThat(caseKey.isInFamilyOf(KeyId.citizen(citizen))).isTrue();
        assertThat(KeyId.accessPeriod("bmg", YearMonth.of(2026, 3)).isInFamilyOf(KeyId.accessPeriod("bmg",
                YearMonth.of(2026, 4)))).isFalse();
        assertThatThrownBy(caseKey::accessMonth).isInstanceOf(IllegalStateException.class);
    }
}
