package de.eakte.core.catalogue;

import de.eakte.core.shared.DomainRuleViolation;
import de.eakte.core.shared.OfficeCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static de.eakte.core.shared.RuleAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CatalogueTest {

    private final Catalogue catalogue = Catalogue.defaults();

    @Test
    void givenDefaults_whenListingCaseTypes_thenAllSevenSeededTypesArePresent() {
        assertThat(catalogue.caseTypes()).extracting(type -> type.code().value())
                .containsExactly("registration", "identity-card", "passport", "vehicle-registration",
                        "trade-registration", "housing-benefit", "building-permit");
    }

    @Test
    void givenDefaults_whenListingOffices_thenFiveOffices() {
        assertThat(catalogue.offices()).extracting(Office::code)
                .containsExactly(Catalogue.RESIDENTS_REGISTRATION, Catalogue.VEHICLE_REGISTRATION,
                        Catalogue.TRADE_OFFICE, Catalogue.SOCIAL_SERVICES, Catalogue.BUILDING_AUTHORITY);
    }

    @Test
    void givenDefaults_whenCheckingEachCaseType_thenItsOfficeExists() {
        assertThat(catalogue.caseTypes())
                .allSatisfy(type -> assertThat(catalogue.office(type.office())).isPresent());
    }

    @Test
    void givenDefaults_whenLookingUpHousingBenefit_thenStrictlyConfidentialAtSocialServices() {
        CaseType housingBenefit = catalogue.requireCaseType(CaseTypeCode.of("housing-benefit"));

        assertThat(housingBenefit.confidentiality()).isEqualTo(Confidentiality.STRICTLY_CONFIDENTIAL);
        assertThat(housingBenefit.office()).isEqualTo(Catalogue.SOCIAL_SERVICES);
    }

    /** The seed is reference data with legal weight (retention, disposal): pin it. */
    @ParameterizedTest
    @CsvSource({
            "registration,         33, 122.10, 14, NORMAL,                 5, V",
            "identity-card,        33, 122.20, 21, NORMAL,                10, V",
            "passport,             33, 122.21, 21, NORMAL,                10, V",
            "vehicle-registration, 36, 142.10,  7, NORMAL,                 7, V",
            "trade-registration,   32, 131.10, 14, NORMAL,                10, B",
            "housing-benefit,      50, 470.10, 30, STRICTLY_CONFIDENTIAL, 10, V",
            "building-permit,      63, 621.10, 90, NORMAL,                30, A"})
    void givenDefaults_whenLookingUpCaseType_thenSeededValues(String code, String office, String filePlanKey,
                                                               int targetDays, Confidentiality confidentiality,
                                                               int retentionYears, DisposalKind disposal) {
        CaseType type = catalogue.requireCaseType(CaseTypeCode.of(code));

        assertThat(type.office()).isEqualTo(OfficeCode.of(office));
        assertThat(type.filePlanKey()).isEqualTo(filePlanKey);
        assertThat(type.targetDays()).isEqualTo(targetDays);
        assertThat(type.confidentiality()).isEqualTo(confidentiality);
        assertThat(type.retentionYears()).isEqualTo(retentionYears);
        assertThat(type.disposal()).isEqualTo(disposal);
        assertThat(type.name()).isNotBlank();
        assertThat(type.retentionBasis()).isNotBlank();
    }

    @Test
    void givenUnknownCode_whenLookingUp_thenEmptyOrInvalidViolation() {
        CaseTypeCode unknown = CaseTypeCode.of("dog-licence");

        assertThat(catalogue.caseType(unknown)).isEmpty();
        assertThatExceptionOfType(DomainRuleViolation.class)
                .isThrownBy(() -> catalogue.requireCaseType(unknown))
                .satisfies(v -> {
                    assertThat(v.kind()).isEqualTo(DomainRuleViolation.Kind.INVALID);
                    assertThat(v.rule()).isEqualTo("case-type-unknown");
                    assertThat(v.field()).isEqualTo("caseType");
                });
    }

    @Test
    void givenCaseTypeNamingUnknownOffice_whenBuildingCatalogue_thenRejected() {
        CaseType orphan = caseType("dog-licence", "20", "123.40", 14, 5);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Catalogue(List.of(new Office(OfficeCode.of("33"), "Bürgeramt")), List.of(orphan)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "122/20", "122.", ".20", "1234.20", "1.2.3.4.5", "12a"})
    void givenBadFilePlanKey_whenCreatingCaseType_thenRejected(String key) {
        assertThatIllegalArgumentException().isThrownBy(() -> caseType("dog-licence", "33", key, 14, 5));
    }

    @Test
    void givenNoTargetDaysOrNegativeRetention_whenCreatingCaseType_thenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> caseType("dog-licence", "33", "123.40", 0, 5));
        assertThatIllegalArgumentException().isThrownBy(() -> caseType("dog-licence", "33", "123.40", 14, -1));
        assertThat(caseType("dog-licence", "33", "123.40", 1, 0).retentionYears()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "12.3", "122.20", "1.2.3.4", "999.999.999.999"})
    void givenDigitGroupsJoinedByDots_whenCheckingFilePlanKey_thenAccepted(String key) {
        assertThat(FileReferenceParts.isFilePlanKey(key)).isTrue();
    }

    @Test
    void givenNullFilePlanKey_whenChecking_thenNotAKey() {
        assertThat(FileReferenceParts.isFilePlanKey(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"identity-card", "ab", "a1", "x-2"})
    void givenLowerCaseCode_whenCreatingCaseTypeCode_thenAccepted(String code) {
        assertThat(CaseTypeCode.of(code).toString()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "Identity-card", "1card", "-card", "identity card", "identity_card"})
    void givenOtherText_whenCreatingCaseTypeCode_thenRejected(String code) {
        assertInvalid(() -> CaseTypeCode.of(code), "caseType", "case-type-code");
    }

    @Test
    void givenCodeLongerThanForty_whenCreatingCaseTypeCode_thenRejected() {
        assertThat(CaseTypeCode.of("a".repeat(40)).value()).hasSize(40);
        assertInvalid(() -> CaseTypeCode.of("a".repeat(41)), "caseType", "case-type-code");
        assertInvalid(() -> CaseTypeCode.of(null), "caseType", "case-type-code");
    }

    @Test
    void givenLevels_whenComparingConfidentiality_thenOrderedLowestFirst() {
        assertThat(Confidentiality.NORMAL.isAtLeast(Confidentiality.NORMAL)).isTrue();
        assertThat(Confidentiality.CONFIDENTIAL.isAtLeast(Confidentiality.NORMAL)).isTrue();
        assertThat(Confidentiality.STRICTLY_CONFIDENTIAL.isAtLeast(Confidentiality.CONFIDENTIAL)).isTrue();
        assertThat(Confidentiality.NORMAL.isAtLeast(Confidentiality.CONFIDENTIAL)).isFalse();
        assertThat(Confidentiality.CONFIDENTIAL.isAtLeast(Confidentiality.STRICTLY_CONFIDENTIAL)).isFalse();
    }

    private static CaseType caseType(String code, String office, String filePlanKey, int targetDays, int retentionYears) {
        return new CaseType(CaseTypeCode.of(code), OfficeCode.of(office), "Hundesteuer", filePlanKey, targetDays,
                Confidentiality.NORMAL, retentionYears, DisposalKind.V, "test");
    }
}
