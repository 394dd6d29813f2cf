package de.eakte.core.access.policy;

import de.eakte.core.access.AccessOutcome;
import de.eakte.core.access.DataCategory;
import de.eakte.core.cases.CaseStatus;
import de.eakte.core.cases.FileReference;
import de.eakte.core.catalogue.Catalogue;
import de.eakte.core.catalogue.Confidentiality;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.OfficeCode;
import de.eakte.core.shared.Role;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static de.eakte.core.access.DataCategory.ADDRESS_HISTORY;
import static de.eakte.core.access.DataCategory.CASE_ENTRIES;
import static de.eakte.core.access.DataCategory.CASE_SUMMARIES;
import static de.eakte.core.access.DataCategory.MASTER_DATA;
import static de.eakte.core.shared.RuleAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One example per rule of the access policy (docs/access-policy.md names the same rules), the
 * values staff state (purpose code, reason, break-glass justification), and the document itself:
 * its rules, their order and the seeded purposes must be the ones the policy and these tests use.
 */
class AccessPolicyTest {

    static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
    static final CitizenId CITIZEN = new CitizenId(UUID.fromString("0c1d2e3f-4a5b-4c6d-8e7f-101112131415"));
    static final CitizenId ANOTHER_CITIZEN = new CitizenId(UUID.fromString("9f8e7d6c-5b4a-4392-8171-605040302010"));
    static final Set<DataCategory> ALL = EnumSet.allOf(DataCategory.class);

    static final OfficeCode RESIDENTS = Catalogue.RESIDENTS_REGISTRATION;
    static final OfficeCode VEHICLES = Catalogue.VEHICLE_REGISTRATION;
    static final OfficeCode TRADE = Catalogue.TRADE_OFFICE;
    static final OfficeCode SOCIAL = Catalogue.SOCIAL_SERVICES;

    /** The citizen's cases: an open identity-card case and an old passport case at 33, ... */
    static final CaseFact ID_CARD = open("33-122.20-000042-2026", Confidentiality.NORMAL);
    static final CaseFact OLD_PASSPORT = closed("33-122.21-000007-2024", 200);
    static final CaseFact OLD_VEHICLE = closed("36-142.10-000007-2025", 400);
    static final CaseFact TRADE_LICENCE = open("32-131.10-000005-2026", Confidentiality.NORMAL);
    /** ... and a strictly confidential housing-benefit case at social services. */
    static final CaseFact HOUSING_BENEFIT = open("50-470.10-000013-2025", Confidentiality.STRICTLY_CONFIDENTIAL);

    static final String REASON = "Prüfung des Antrags";
    static final String JUSTIFICATION = "Gefahr im Verzug: Anschrift für Rettungseinsatz";

    private final AccessPolicy policy = new AccessPolicy(new SeededPurposeDirectory(),
            AccessPolicy.DEFAULT_CASE_CONTEXT, AccessPolicy.DEFAULT_BREAK_GLASS_DAILY_QUOTA);

    // ---------------------------------------------------------------------------------------------
    // case-context

    @Test
    void givenOpenCaseOfOwnOffice_whenStaffReadWithoutPurpose_thenCaseContextShowsThatCaseWithEntries() {
        AccessDecision d = decide(staffOf(RESIDENTS).cases(ID_CARD, TRADE_LICENCE, OLD_VEHICLE));

        assertThat(d.outcome()).isEqualTo(AccessOutcome.GRANTED);
        assertThat(d.rule()).isEqualTo("case-context");
        assertThat(d.granted()).containsExactly(MASTER_DATA, CASE_SUMMARIES, CASE_ENTRIES);
        assertThat(d.notGranted()).containsExactly(ADDRESS_HISTORY);
        assertThat(d.visibleCases()).containsExactly(ID_CARD.caseId());
        assertThat(d.casesWithEntries()).containsExactly(ID_CARD.caseId());
        assertThat(d.citizenVisibleEntriesOnly()).isFalse();
        assertThat(d.purpose()).isNull();
        assertThat(d.flagged()).isFalse();
    }

    @Test
    void givenCaseClosedJustUnder90DaysAgo_whenStaffReadWithoutPurpose_thenStillCaseContext() {
        CaseFact recent = closedAt("33-122.20-000043-2026", NOW.minus(Duration.ofDays(90)).plusSeconds(1));

        assertThat(decide(staffOf(RESIDENTS).cases(recent)).rule()).isEqualTo("case-context");
    }

    @Test
    void givenCaseClosedExactly90DaysAgo_whenStaffReadWithoutPurpose_thenPurposeRequired() {
        // "closed less than 90 days ago": day 90 is outside
        CaseFact expired = closedAt("33-122.20-000043-2026", NOW.minus(Duration.ofDays(90)));

        assertThat(decide(staffOf(RESIDENTS).cases(expired)).rule()).isEqualTo("purpose-required");
    }

    @Test
    void givenCaseContextConfiguredTo30Days_whenCaseClosed40DaysAgo_thenPurposeRequired() {
        AccessPolicy shorter = new AccessPolicy(new SeededPurposeDirectory(), Duration.ofDays(30), 3);
        Ask ask = staffOf(RESIDENTS).cases(closed("33-122.20-000043-2026", 40));

        assertThat(shorter.decide(ask.request()).rule()).isEqualTo("purpose-required");
        assertThat(policy.decide(ask.request()).rule()).isEqualTo("case-context");
    }

    @Test
    void givenCaseOfOwnOfficeWithoutClosingTime_whenClosed_thenNoCaseContext() {
        CaseFact unknownClosing = new CaseFact(CaseId.random(), FileReference.parse("33-122.20-000044-2026"), RESIDENTS,
                CaseStatus.CLOSED, null, Confidentiality.NORMAL);

        assertThat(decide(staffOf(RESIDENTS).cases(unknownClosing)).rule()).isEqualTo("purpose-required");
    }

    @ParameterizedTest
    @EnumSource(value = CaseStatus.class, names = "CLOSED", mode = EnumSource.Mode.EXCLUDE)
    void givenCaseOfOwnOfficeNotClosed_whenStaffRead_thenCaseContext(CaseStatus status) {
        CaseFact notClosed = new CaseFact(CaseId.random(), FileReference.parse("33-122.20-000045-2026"), RESIDENTS,
                status, null, Confidentiality.NORMAL);

        assertThat(decide(staffOf(RESIDENTS).cases(notClosed)).rule()).isEqualTo("case-context");
    }

    @Test
    void givenOpenCaseAndOlderCaseOfOwnOffice_whenStaffReadWithoutPurpose_thenEveryOwnCaseVisible() {
        AccessDecision d = decide(staffOf(RESIDENTS).cases(ID_CARD, OLD_PASSPORT, TRADE_LICENCE));

        assertThat(d.rule()).isEqualTo("case-context");
        assertThat(d.visibleCases()).containsExactlyInAnyOrder(ID_CARD.caseId(), OLD_PASSPORT.caseId());
        assertThat(d.casesWithEntries()).containsExactlyInAnyOrder(ID_CARD.caseId(), OLD_PASSPORT.caseId());
    }

    // ---------------------------------------------------------------------------------------------
    // purpose, case-context+purpose, purpose-required, purpose-unknown, purpose-file-reference

    @Test
    void givenNoCaseContext_whenRegistrationOfficeStatesBmg34_thenPurposeGrantsMasterDataAndAddressHistoryOnly() {
        AccessDecision d = decide(staffOf(RESIDENTS).cases(OLD_PASSPORT, TRADE_LICENCE).purpose("BMG-34"));

        assertThat(d.outcome()).isEqualTo(AccessOutcome.GRANTED);
        assertThat(d.rule()).isEqualTo("purpose");
        assertThat(d.granted()).containsExactly(MASTER_DATA, ADDRESS_HISTORY);
        assertThat(d.notGranted()).containsExactly(CASE_SUMMARIES, CASE_ENTRIES);
        assertThat(d.visibleCases()).isEmpty();
        assertThat(d.casesWithEntries()).isEmpty();
        assertThat(d.purpose().code()).isEqualTo(new PurposeCode("BMG-34"));
        assertThat(d.purpose().legalBasis()).isEqualTo("BMG § 34");
        assertThat(d.flagged()).isFalse();
    }

    @Test
    void givenNoCaseContext_whenStaffStateSachbearbeitung_thenOwnEarlierCasesWithEntriesOnly() {
        AccessDecision d = decide(staffOf(RESIDENTS).cases(OLD_PASSPORT, TRADE_LICENCE).purpose("SACHBEARBEITUNG"));

        assertThat(d.rule()).isEqualTo("purpose");
        assertThat(d.granted()).containsExactlyElementsOf(ALL);
        assertThat(d.notGranted()).isEmpty();
        assertThat(d.visibleCases()).containsExactly(OLD_PASSPORT.caseId());
        assertThat(d.casesWithEntries()).containsExactly(OLD_PASSPORT.caseId());
    }

    @Test
    void givenCaseContext_whenStaffStateAmtshilfe_thenOtherOfficesSummariesButEntriesOfOwnContextOnly() {
        AccessDecision d = decide(staffOf(RESIDENTS).cases(ID_CARD, TRADE_LICENCE, OLD_VEHICLE, HOUSING_BENEFIT)
                .purpose("AMTSHILFE"));

        assertThat(d.outcome()).isEqualTo(AccessOutcome.GRANTED);
        assertThat(d.rule()).isEqualTo("case-context+purpose");
        assertThat(d.granted()).containsExactly(MASTER_DATA, CASE_SUMMARIES, CASE_ENTRIES);
        assertThat(d.notGranted()).containsExactly(ADDRESS_HISTORY);
        assertThat(d.visibleCases())
                .containsExactlyInAnyOrder(ID_CARD.caseId(), TRADE_LICENCE.caseId(), OLD_VEHICLE.caseId());
        assertThat(d.casesWithEntries()).containsExactly(ID_CARD.caseId());
        assertThat(d.purpose().legalBasis()).isEqualTo("VwVfG §§ 4-8");
    }

    @Test
    void givenNoCaseContext_whenStaffReadWithoutPurpose_thenPurposeRequired() {
        AccessDecision d = decide(staffOf(RESIDENTS).cases(OLD_PASSPORT, TRADE_LICENCE));

        assertDenied(d, "purpose-required", ALL, false);
    }

    @Test
    void givenNoCaseAtAll_whenStaffReadWithoutPurpose_thenPurposeRequired() {
        assertDenied(decide(staffOf(TRADE)), "purpose-required", ALL, false);
    }

    @Test
    void givenCodeOfAnotherOfficesCatalogue_whenStated_thenPurposeUnknown() {
        // BMG-34 is the registration office's; the vehicle registration office cannot state it
        AccessDecision d = decide(staffOf(VEHICLES).cases(OLD_VEHICLE, TRADE_LICENCE).purpose("BMG-34"));

        assertDenied(d, "purpose-unknown", ALL, false);
    }

    @Test
    void givenCaseContext_whenUnknownPurposeStated_thenPurposeUnknownAndNotTheContext() {
        // a stated purpose is checked even where the case context alone would have been enough
        AccessDecision d = decide(staffOf(RESIDENTS).cases(ID_CARD).purpose("SGB-X-69"));

        assertDenied(d, "purpose-unknown", ALL, false);
    }

    @Test
    void givenFileReferenceOfNoCaseOfTheCitizen_whenStated_thenPurposeFileReference() {
        AccessDecision d = decide(staffOf(RESIDENTS).cases(OLD_PASSPORT, TRADE_LICENCE)
                .purpose("SACHBEARBEITUNG", "33-122.21-999999-2024"));

        assertDenied(d, "purpose-file-reference", ALL, false);
    }

    @Test
    void givenFileReferenceOfTheCitizensCase_whenStated_thenPurposeGranted() {
        AccessDecision d = decide(staffOf(RESIDENTS).cases(OLD_PASSPORT, TRADE_LICENCE)
                .purpose("SACHBEARBEITUNG", OLD_PASSPORT.fileReference().toString()));

        assertThat(d.rule()).isEqualTo("purpose");
        assertThat(d.visibleCases()).containsExactly(OLD_PASSPORT.caseId());
    }

    @Test
    void givenFileReferenceOfAHiddenCase_whenStated_thenAnsweredAsIfThereWereNoSuchCase() {
        Ask hidden = staffOf(RESIDENTS).cases(OLD_PASSPORT, HOUSING_BENEFIT)
                .purpose("AMTSHILFE", HOUSING_BENEFIT.fileReference().toString());
        Ask none = staffOf(RESIDENTS).cases(OLD_PASSPORT, HOUSING_BENEFIT)
                .purpose("AMTSHILFE", "50-470.10-999999-2025");

        assertThat(decide(hidden)).isEqualTo(decide(none));
        assertDenied(decide(hidden), "purpose-file-reference", ALL, false);
    }

    // ---------------------------------------------------------------------------------------------
    // category-not-granted

    @Test
    void givenCaseContext_whenOnlyAddressHistoryAsked_thenCategoryNotGranted() {
        AccessDecision d = decide(staffOf(RESIDENTS).cases(ID_CARD).asking(ADDRESS_HISTORY));

        assertDenied(d, "category-not-granted", Set.of(ADDRESS_HISTORY), false);
    }

    @Test
    void givenAmtshilfe_whenOnlyEntriesAsked_thenCategoryNotGranted() {
        AccessDecision d = decide(staffOf(TRADE).cases(closedCopy(TRADE_LICENCE, 300), OLD_VEHICLE)
                .purpose("AMTSHILFE").asking(CASE_ENTRIES));

        assertDenied(d, "category-not-granted", Set.of(CASE_ENTRIES), false);
    }

    @Test
    void givenPartlyGranted_whenDecided_thenNotGrantedNamesCategoriesOnlyAndHiddenCasesLeaveNoTrace() {
        Ask withSecretCase = staffOf(RESIDENTS).cases(OLD_PASSPORT, TRADE_LICENCE, HOUSING_BENEFIT)
                .purpose("AMTSHILFE");
        Ask withoutIt = staffOf(RESIDENTS).cases(OLD_PASSPORT, TRADE_LICENCE).purpose("AMTSHILFE");

        AccessDecision d = decide(withSecretCase);

        assertThat(d.granted()).containsExactly(MASTER_DATA, CASE_SUMMARIES);
        assertThat(d.notGranted()).containsExactly(ADDRESS_HISTORY, CASE_ENTRIES);
        assertThat(d).isEqualTo(decide(withoutIt));
        assertThat(d.explanation()).doesNotContain("50").doesNotContain(HOUSING_BENEFIT.fileReference().toString());
    }

    // ---------------------------------------------------------------------------------------------
    // processing-restricted

    @Test
    void givenRestrictedCitizen_whenOwnOfficeInCaseContextStatesPurpose_thenProcessingRestrictedFlagged() {
        AccessDecision d = decide(staffOf(RESIDENTS).cases(ID_CARD).purpose("SACHBEARBEITUNG").restricted());

        assertDenied(d, "processing-restricted", ALL, true);
    }

    @Test
    void givenRestrictedCitizen_whenStaffBreaksTheGlass_thenEmergencyAccess() {
        AccessDecision d = decide(staffOf(RESIDENTS).cases(ID_CARD).restricted()
                .breakGlass("Notfall: Gefahr für Leib und Leben des Bürgers"));

        assertThat(d.outcome()).isEqualTo(AccessOutcome.BREAK_GLASS);
    }

    @Test
    void givenRestrictedCitizen_whenTheCitizenReadsTheirOwnFile_thenGranted() {
        Ask ask = new Ask(new Actor(Role.CITIZEN, "citizen", null)).cases(ID_CARD).restricted();
        ask.actorCitizen = CITIZEN;

        assertThat(decide(ask).rule()).isEqualTo("citizen-own-file");
    }

    // ---------------------------------------------------------------------------------------------
    // information-block

    @ParameterizedTest
    @EnumSource(value = InformationBlock.class, names = {"BLOCK", "CONDITIONAL"})
    void givenBlockedCitizen_whenOtherOfficeLooksUpWithPurpose_thenInformationBlockFlagged(InformationBlock block) {
        AccessDecision d = decide(staffOf(TRADE).cases(ID_CARD, OLD_VEHICLE).purpose("AMTSHILFE").block(block));

        assertDenied(d, "information-block", ALL, true);
    }

    @Test
    void givenBlockedCitizen_whenOtherOfficeLooksUpWithUnknownPurpose_thenInformationBlockComesFirst() {
        AccessDecision d = decide(staffOf(TRADE).cases(ID_CARD).purpose("BMG-34").block(InformationBlock.BLOCK));

        assertDenied(d, "information-block", ALL, true);
    }

    @Test
    void givenBlockedCitizen_whenOwnOfficeInCaseContextStatesPurpose_thenOnlyTheContextAndFlagged() {
        Ask ask = staffOf(RESIDENTS).cases(ID_CARD, TRADE_LICENCE, OLD_VEHICLE).block(InformationBlock.BLOCK);

        AccessDecision sachbearbeitung = decide(ask.purpose("SACHBEARBEITUNG"));
        AccessDecision amtshilfe = decide(ask.purpose("AMTSHILFE"));

        // SACHBEARBEITUNG would add the address history, AMTSHILFE the other offices' cases: not here
        for (AccessDecision d : List.of(sachbearbeitung, amtshilfe)) {
            assertThat(d.outcome()).isEqualTo(AccessOutcome.GRANTED);
            assertThat(d.granted()).containsExactly(MASTER_DATA, CASE_SUMMARIES, CASE_ENTRIES);
            assertThat(d.notGranted()).containsExactly(ADDRESS_HISTORY);
            assertThat(d.visibleCases()).containsExactly(ID_CARD.caseId());
            assertThat(d.casesWithEntries()).containsExactly(ID_CARD.caseId());
            assertThat(d.flagged()).isTrue();
        }
    }

    @Test
    void givenBlockedCitizen_whenOwnOfficeInContextStatesUnknownPurpose_thenDeniedAndFlagged() {
        AccessDecision d = decide(staffOf(RESIDENTS).cases(ID_CARD).purpose("BMG-99").block(InformationBlock.BLOCK));

        assertDenied(d, "purpose-unknown", ALL, true);
    }

    // ---------------------------------------------------------------------------------------------
    // strictly confidential

    @Test
    void givenStrictlyConfidentialCaseOfSocialServices_whenOtherOfficeStatesAmtshilfe_thenHidden() {
        AccessDecision d = decide(staffOf(RESIDENTS).cases(OLD_PASSPORT, TRADE_LICENCE, OLD_VEHICLE, HOUSING_BENEFIT)
                .purpose("AMTSHILFE"));

        assertThat(d.rule()).isEqualTo("purpose");
        assertThat(d.visibleCases())
                .containsExactlyInAnyOrder(OLD_PASSPORT.caseId(), TRADE_LICENCE.caseId(), OLD_VEHICLE.caseId())
                .doesNotContain(HOUSING_BENEFIT.caseId());
        assertThat(d.casesWithEntries()).isEmpty();
    }

    @Test
    void givenStrictlyConfidentialCaseOfSocialServices_whenOtherOfficeInCaseContextStatesAmtshilfe_thenStillHidden() {
        AccessDecision d = decide(staffOf(RESIDENTS).cases(ID_CARD, HOUSING_BENEFIT).purpose("AMTSHILFE"));

        assertThat(d.rule()).isEqualTo("case-context+purpose");
        assertThat(d.visibleCases()).containsExactly(ID_CARD.caseId());
    }

    @Test
    void givenOwnStrictlyConfidentialCase_whenSocialServicesRead_thenShownToTheirOwnOffice() {
        AccessDecision inContext = decide(staffOf(SOCIAL).cases(HOUSING_BENEFIT, TRADE_LICENCE));
        AccessDecision bySgbX69 = decide(staffOf(SOCIAL).cases(closedCopy(HOUSING_BENEFIT, 200),
                TRADE_LICENCE).purpose("SGB-X-69"));

        assertThat(inContext.rule()).isEqualTo("case-context");
        assertThat(inContext.visibleCases()).containsExactly(HOUSING_BENEFIT.caseId());
        assertThat(inContext.casesWithEntries()).containsExactly(HOUSING_BENEFIT.caseId());
        assertThat(bySgbX69.rule()).isEqualTo("purpose");
        assertThat(bySgbX69.granted()).containsExactly(MASTER_DATA, ADDRESS_HISTORY, CASE_SUMMARIES);
        assertThat(bySgbX69.visibleCases()).containsExactlyInAnyOrder(HOUSING_BENEFIT.caseId(), TRADE_LICENCE.caseId());
        assertThat(bySgbX69.casesWithEntries()).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // break-glass, break-glass-grant, break-glass-quota

    @Test
    void givenJustification_whenOtherOfficeBreaksGlassOnBlockedCitizen_thenEveryCaseInclStrictlyConfidentialFlagged() {
        AccessDecision d = decide(staffOf(TRADE).cases(ID_CARD, OLD_VEHICLE, HOUSING_BENEFIT)
                .block(InformationBlock.BLOCK).breakGlass(JUSTIFICATION).usesToday(2));

        assertThat(d.outcome()).isEqualTo(AccessOutcome.BREAK_GLASS);
        assertThat(d.rule()).isEqualTo("break-glass");
        assertThat(d.granted()).containsExactlyElementsOf(ALL);
        assertThat(d.notGranted()).isEmpty();
        assertThat(d.visibleCases())
                .containsExactlyInAnyOrder(ID_CARD.caseId(), OLD_VEHICLE.caseId(), HOUSING_BENEFIT.caseId());
        assertThat(d.casesWithEntries()).isEqualTo(d.visibleCases());
        assertThat(d.citizenVisibleEntriesOnly()).isFalse();
        assertThat(d.purpose()).isNull();
        assertThat(d.flagged()).isTrue();
    }

    @Test
    void givenJustificationAndPurpose_whenStaffBreakGlass_thenBreakGlassDecidesAndThePurposeIsNotChecked() {
        AccessDecision d = decide(staffOf(TRADE).cases(OLD_VEHICLE).purpose("BMG-34").breakGlass(JUSTIFICATION));

        assertThat(d.rule()).isEqualTo("break-glass");
    }

    @Test
    void givenActiveGrant_whenStaffReadWithoutJustification_thenBreakGlassGrantAlsoBeyondTheQuota() {
        AccessDecision d = decide(staffOf(TRADE).cases(ID_CARD, HOUSING_BENEFIT).grantActive().usesToday(3));

        assertThat(d.outcome()).isEqualTo(AccessOutcome.BREAK_GLASS);
        assertThat(d.rule()).isEqualTo("break-glass-grant");
        assertThat(d.visibleCases()).containsExactlyInAnyOrder(ID_CARD.caseId(), HOUSING_BENEFIT.caseId());
        assertThat(d.flagged()).isTrue();
    }

    @Test
    void givenDailyQuotaUsed_whenJustificationWithoutGrant_thenBreakGlassQuotaFlagged() {
        AccessDecision d = decide(staffOf(TRADE).cases(ID_CARD).breakGlass(JUSTIFICATION).usesToday(3));

        assertDenied(d, "break-glass-quota", ALL, true);
    }

    @Test
    void givenLastUseOfTheDay_whenJustification_thenBreakGlass() {
        assertThat(decide(staffOf(TRADE).cases(ID_CARD).breakGlass(JUSTIFICATION).usesToday(2)).rule())
                .isEqualTo("break-glass");
    }

    @Test
    void givenDpoJustification_whenDpoBreaksGlass_thenBreakGlassFlagged() {
        AccessDecision d = decide(new Ask(new Actor(Role.DPO, "dpo", null)).cases(ID_CARD, HOUSING_BENEFIT)
                .breakGlass(JUSTIFICATION));

        assertThat(d.outcome()).isEqualTo(AccessOutcome.BREAK_GLASS);
        assertThat(d.visibleCases()).containsExactlyInAnyOrder(ID_CARD.caseId(), HOUSING_BENEFIT.caseId());
        assertThat(d.flagged()).isTrue();
    }

    // ---------------------------------------------------------------------------------------------
    // citizen-own-file, citizen-own-file-only, dpo-no-case-contents, admin-no-citizen-data

    @Test
    void givenOwnFile_whenCitizenReads_thenEveryCaseWithCitizenVisibleEntriesOnly() {
        AccessDecision d = decide(citizen(CITIZEN).cases(ID_CARD, OLD_VEHICLE, HOUSING_BENEFIT)
                .block(InformationBlock.BLOCK));

        assertThat(d.outcome()).isEqualTo(AccessOutcome.GRANTED);
        assertThat(d.rule()).isEqualTo("citizen-own-file");
        assertThat(d.granted()).containsExactlyElementsOf(ALL);
        assertThat(d.notGranted()).isEmpty();
        assertThat(d.visibleCases())
                .containsExactlyInAnyOrder(ID_CARD.caseId(), OLD_VEHICLE.caseId(), HOUSING_BENEFIT.caseId());
        assertThat(d.casesWithEntries()).isEqualTo(d.visibleCases());
        assertThat(d.citizenVisibleEntriesOnly()).isTrue();
        assertThat(d.flagged()).isFalse();
    }

    @Test
    void givenAnotherCitizensFile_whenCitizenReads_thenCitizenOwnFileOnly() {
        assertDenied(decide(citizen(ANOTHER_CITIZEN).cases(ID_CARD)), "citizen-own-file-only", ALL, false);
    }

    @Test
    void givenCitizenTokenNamingNoFile_whenCitizenReads_thenCitizenOwnFileOnly() {
        assertDenied(decide(citizen(null).cases(ID_CARD)), "citizen-own-file-only", ALL, false);
    }

    @Test
    void givenDpoWithPurpose_whenReadingCaseContents_thenDpoNoCaseContents() {
        AccessDecision d = decide(new Ask(new Actor(Role.DPO, "dpo", null)).cases(ID_CARD).purpose("AMTSHILFE"));

        assertDenied(d, "dpo-no-case-contents", ALL, false);
    }

    @Test
    void givenAdminEvenWithJustification_whenReadingCitizenData_thenAdminNoCitizenData() {
        AccessDecision d = decide(new Ask(new Actor(Role.ADMIN, "admin", null)).cases(ID_CARD).asking(MASTER_DATA)
                .breakGlass(JUSTIFICATION));

        assertDenied(d, "admin-no-citizen-data", Set.of(MASTER_DATA), false);
    }

    // ---------------------------------------------------------------------------------------------
    // the values staff state

    @Nested
    class StatedPurposeValues {

        @ParameterizedTest
        @ValueSource(strings = {"abc12", "Prüfung", "Prüfung des Antrags", "ÄÖÜ12", "  abc12  ", "Antrag 2026/17"})
        void givenReasonWithFiveCharactersAndThreeLettersInARow_whenStated_thenAccepted(String reason) {
            assertThat(new StatedPurpose(new PurposeCode("BMG-34"), reason, null).reason()).isEqualTo(reason.strip());
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"a1b2c3d", "ab cd ef", "12345", "abcd", "Prüf", "  abcd  ", "     "})
        void givenReasonTooShortOrWithoutThreeLettersInARow_whenStated_thenRejected(String reason) {
            assertInvalid(() -> new StatedPurpose(new PurposeCode("BMG-34"), reason, null), "Access-Reason",
                    "reason-form");
        }

        @Test
        void givenReasonOf500Characters_whenStated_thenAcceptedAnd501Rejected() {
            assertThat(new StatedPurpose(new PurposeCode("AMTSHILFE"), "abc" + "x".repeat(497), null).reason())
                    .hasSize(500);
            assertInvalid(() -> new StatedPurpose(new PurposeCode("AMTSHILFE"), "abc" + "x".repeat(498), null),
                    "Access-Reason", "reason-form");
        }

        @Test
        void givenReasonOverTwoLines_whenStated_thenRejected() {
            assertInvalid(() -> new StatedPurpose(new PurposeCode("AMTSHILFE"), "Prüfung\ndes Antrags", null),
                    "Access-Reason", "reason-form");
        }

        @Test
        void givenNoCode_whenStated_thenPurposeRequired() {
            assertInvalid(() -> new StatedPurpose(null, REASON, null), "Access-Purpose", "required");
        }

        @Test
        void givenFileReference_whenStated_thenKept() {
            FileReference ref = FileReference.parse("33-122.20-000042-2026");

            assertThat(new StatedPurpose(new PurposeCode("SACHBEARBEITUNG"), REASON, ref).fileReference())
                    .isEqualTo(ref);
        }
    }

    @Nested
    class BreakGlassValues {

        @Test
        void givenJustificationOf20Characters_whenStated_thenAcceptedAnd19Rejected() {
            assertThat(new BreakGlass("x".repeat(20)).justification()).hasSize(20);
            assertInvalid(() -> new BreakGlass("x".repeat(19)), "Access-Break-Glass", "break-glass-justification");
        }

        @Test
        void givenNineteenCharactersPaddedWithSpaces_whenStated_thenRejected() {
            assertInvalid(() -> new BreakGlass("  " + "x".repeat(19) + "  "), "Access-Break-Glass",
                    "break-glass-justification");
        }

        @ParameterizedTest
        @NullAndEmptySource
        void givenNoJustification_whenStated_thenRejected(String justification) {
            assertInvalid(() -> new BreakGlass(justification), "Access-Break-Glass", "break-glass-justification");
        }

        @Test
        void givenJustification_whenStated_thenStripped() {
            assertThat(new BreakGlass("  " + JUSTIFICATION + " ").justification()).isEqualTo(JUSTIFICATION);
        }

        @Test
        void givenJustificationOf1000Characters_whenStated_thenAcceptedAnd1001OrAControlCharacterRejected() {
            assertThat(new BreakGlass("x".repeat(1000)).justification()).hasSize(1000);
            assertInvalid(() -> new BreakGlass("x".repeat(1001)), "Access-Break-Glass", "break-glass-justification");
            assertInvalid(() -> new BreakGlass(JUSTIFICATION + "\r\nX-Injected: 1"), "Access-Break-Glass",
                    "break-glass-justification");
        }
    }

    @Nested
    class PurposeCodeValues {

        @ParameterizedTest
        @ValueSource(strings = {"BMG-34", "SGB-X-69", "SACHBEARBEITUNG", "AMTSHILFE", "AB",
                "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-ABC"})
        void givenCodeOfCapitalsDigitsAndHyphens_whenCreated_thenAccepted(String code) {
            assertThat(new PurposeCode(code).value()).isEqualTo(code);
            assertThat(PurposeCode.of(code).toString()).isEqualTo(code);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"A", "bmg-34", "Bmg-34", "1ABC", "-AB", "BMG 34", "BMG_34", " BMG-34", "BMG-34\n",
                "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-ABCD", "PRÜFUNG"})
        void givenMalformedCode_whenCreated_thenRejected(String code) {
            assertInvalid(() -> new PurposeCode(code), "Access-Purpose", "purpose-code");
        }

        @Test
        void givenSameText_whenCreated_thenEqual() {
            assertThat(new PurposeCode("BMG-34")).isEqualTo(PurposeCode.of("BMG-34"));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // docs/access-policy.md agrees with the policy and the tests, rule by rule

    /** Every rule the policy returns, in the order it is applied, with the outcome it stands for. */
    static final Map<String, AccessOutcome> RULES_IN_ORDER = rules();

    private static Map<String, AccessOutcome> rules() {
        Map<String, AccessOutcome> rules = new LinkedHashMap<>();
        rules.put("admin-no-citizen-data", AccessOutcome.DENIED);
        rules.put("citizen-own-file-only", AccessOutcome.DENIED);
        rules.put("citizen-own-file", AccessOutcome.GRANTED);
        rules.put("dpo-no-case-contents", AccessOutcome.DENIED);
        rules.put("break-glass-quota", AccessOutcome.DENIED);
        rules.put("break-glass", AccessOutcome.BREAK_GLASS);
        rules.put("break-glass-grant", AccessOutcome.BREAK_GLASS);
        rules.put("processing-restricted", AccessOutcome.DENIED);
        rules.put("information-block", AccessOutcome.DENIED);
        rules.put("purpose-unknown", AccessOutcome.DENIED);
        rules.put("purpose-file-reference", AccessOutcome.DENIED);
        rules.put("purpose-required", AccessOutcome.DENIED);
        rules.put("category-not-granted", AccessOutcome.DENIED);
        rules.put("case-context", AccessOutcome.GRANTED);
        rules.put("purpose", AccessOutcome.GRANTED);
        rules.put("case-context+purpose", AccessOutcome.GRANTED);
        return rules;
    }

    @Nested
    class PolicyDocument {

        @Test
        void givenRulesTable_whenRead_thenEveryRuleOfThePolicyWithItsOutcomeAndALegalSource() {
            Map<String, AccessOutcome> documented = new LinkedHashMap<>();
            for (List<String> row : table("## Rules")) {
                documented.put(unquote(row.get(0)), AccessOutcome.valueOf(unquote(row.get(1))));
                assertThat(row.get(row.size() - 1)).as("legal source of " + row.get(0)).isNotBlank();
            }

            assertThat(documented).containsExactlyInAnyOrderEntriesOf(RULES_IN_ORDER);
        }

        @Test
        void givenOrderSection_whenRead_thenRulesAppearInTheOrderThePolicyAppliesThem() {
            String section = section("## Order");
            Set<String> seen = new LinkedHashSet<>();
            Matcher m = Pattern.compile("`([a-z+-]+)`").matcher(section);
            while (m.find()) {
                if (RULES_IN_ORDER.containsKey(m.group(1))) {
                    seen.add(m.group(1));
                }
            }

            assertThat(new ArrayList<>(seen)).containsExactlyElementsOf(RULES_IN_ORDER.keySet());
        }

        @Test
        void givenPurposesTable_whenRead_thenTheSeededPurposesExactly() {
            List<Purpose> seeded = DefaultPurposes.of(Catalogue.defaults());
            List<List<String>> rows = table("## Seeded purposes");
            int matched = 0;
            for (List<String> row : rows) {
                String code = unquote(row.get(0));
                String office = row.get(1);
                List<Purpose> meant = seeded.stream().filter(p -> p.code().value().equals(code))
                        .filter(p -> office.equals("every office") || office.startsWith(p.office().value() + " "))
                        .toList();
                assertThat(meant).as("seeded purposes for row " + row).isNotEmpty();
                for (Purpose p : meant) {
                    assertThat(row.get(2)).as(code + " name").isEqualTo(p.name());
                    assertThat(row.get(3)).as(code + " legal basis").isEqualTo(p.legalBasis());
                    assertThat(Arrays.stream(row.get(4).split(","))
                            .map(s -> DataCategory.valueOf(unquote(s.strip()))).collect(Collectors.toSet()))
                            .as(code + " categories").isEqualTo(p.categories());
                    String reach = p.allOffices() ? "every office"
                            : p.caseOffices().equals(Set.of(p.office())) ? "own office"
                            : p.caseOffices().isEmpty() ? "none" : p.caseOffices().toString();
                    assertThat(row.get(5)).as(code + " cases of").isEqualTo(reach);
                }
                matched += meant.size();
            }

            assertThat(matched).isEqualTo(seeded.size());
        }

        @Test
        void givenHttpSection_whenRead_thenHeadersAndTheRfc8187ExampleThatDecodesToAnAcceptedReason() {
            String http = section("## Over HTTP");
            String example = "UTF-8''Pr%C3%BCfung%20des%20Antrags";

            assertThat(http).contains("Access-Purpose", "Access-Reason", "Access-File-Reference", "Access-Break-Glass",
                    "RFC 8187", example, "curl ");
            String decoded = URLDecoder.decode(example.substring("UTF-8''".length()), StandardCharsets.UTF_8);
            assertThat(decoded).isEqualTo("Prüfung des Antrags");
            assertThat(new StatedPurpose(new PurposeCode("AMTSHILFE"), decoded, null).reason()).isEqualTo(decoded);
        }

        @Test
        void givenDocument_whenRead_thenDefaultsAndTheAccessLogAreStated() {
            String doc = document();

            assertThat(doc).contains(AccessPolicy.DEFAULT_CASE_CONTEXT.toDays() + " days",
                    "quota of " + AccessPolicy.DEFAULT_BREAK_GLASS_DAILY_QUOTA, "30 minutes",
                    BreakGlass.MIN_LENGTH + " characters", "access log");
        }

        private static String document() {
            Path path = Path.of("..", "docs", "access-policy.md");
            if (!Files.exists(path)) {
                path = Path.of("docs", "access-policy.md");
            }
            try {
                return Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new AssertionError("docs/access-policy.md cannot be read from " + path.toAbsolutePath(), e);
            }
        }

        /** The text from a heading to the next heading of the same or a higher level. */
        private static String section(String heading) {
            String doc = document();
            int start = doc.indexOf("\n" + heading);
            assertThat(start).as("heading " + heading).isNotNegative();
            int end = doc.indexOf("\n## ", start + 1);
            return doc.substring(start, end < 0 ? doc.length() : end);
        }

        /** The body rows of the first table in a section, as trimmed cells. */
        private static List<List<String>> table(String heading) {
            List<List<String>> rows = new ArrayList<>();
            boolean inTable = false;
            for (String line : section(heading).split("\n")) {
                if (line.startsWith("|")) {
                    List<String> cells = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|"))
                            .map(String::strip).toList();
                    if (inTable && !cells.get(0).startsWith("---")) {
                        rows.add(cells);
                    }
                    inTable = true;
                } else if (inTable) {
                    break;
                }
            }
            assertThat(rows).as("table under " + heading).isNotEmpty();
            return rows;
        }

        private static String unquote(String cell) {
            return cell.replace("`", "").strip();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // fixture

    private AccessDecision decide(Ask ask) {
        return policy.decide(ask.request());
    }

    private static void assertDenied(AccessDecision d, String rule, Set<DataCategory> asked, boolean flagged) {
        assertThat(d.outcome()).isEqualTo(AccessOutcome.DENIED);
        assertThat(d.rule()).isEqualTo(rule);
        assertThat(d.isGranted()).isFalse();
        assertThat(d.granted()).isEmpty();
        assertThat(d.notGranted()).containsExactlyInAnyOrderElementsOf(asked);
        assertThat(d.visibleCases()).isEmpty();
        assertThat(d.casesWithEntries()).isEmpty();
        assertThat(d.purpose()).isNull();
        assertThat(d.flagged()).as("flagged").isEqualTo(flagged);
        assertThat(d.explanation()).isNotBlank();
    }

    private static Ask staffOf(OfficeCode office) {
        return new Ask(Actor.staff("staff-" + office, office));
    }

    private static Ask citizen(CitizenId whoseToken) {
        Ask ask = new Ask(new Actor(Role.CITIZEN, "citizen", null));
        ask.actorCitizen = whoseToken;
        return ask;
    }

    private static CaseFact open(String reference, Confidentiality confidentiality) {
        FileReference ref = FileReference.parse(reference);
        return new CaseFact(CaseId.random(), ref, ref.office(), CaseStatus.IN_PROGRESS, null, confidentiality);
    }

    private static CaseFact closed(String reference, int daysAgo) {
        return closedAt(reference, NOW.minus(Duration.ofDays(daysAgo)));
    }

    private static CaseFact closedAt(String reference, Instant closedAt) {
        FileReference ref = FileReference.parse(reference);
        return new CaseFact(CaseId.random(), ref, ref.office(), CaseStatus.CLOSED, closedAt, Confidentiality.NORMAL);
    }

    /** The same case, closed some days ago. */
    private static CaseFact closedCopy(CaseFact c, int daysAgo) {
        return new CaseFact(c.caseId(), c.fileReference(), c.office(), CaseStatus.CLOSED,
                NOW.minus(Duration.ofDays(daysAgo)), c.confidentiality());
    }

    /** A read of the citizen's file, built up step by step; everything is asked unless said otherwise. */
    private static final class Ask {
        private final Actor actor;
        private CitizenId actorCitizen;
        private Set<DataCategory> asked = ALL;
        private List<CaseFact> cases = List.of();
        private StatedPurpose purpose;
        private BreakGlass breakGlass;
        private InformationBlock block = InformationBlock.NONE;
        private boolean grantActive;
        private int usesToday;
        private boolean restricted;

        Ask(Actor actor) {
            this.actor = actor;
        }

        Ask cases(CaseFact... cases) {
            this.cases = List.of(cases);
            return this;
        }

        Ask asking(DataCategory... categories) {
            this.asked = EnumSet.copyOf(List.of(categories));
            return this;
        }

        Ask purpose(String code) {
            return purpose(code, null);
        }

        Ask purpose(String code, String fileReference) {
            this.purpose = new StatedPurpose(new PurposeCode(code), REASON,
                    fileReference == null ? null : FileReference.parse(fileReference));
            return this;
        }

        Ask breakGlass(String justification) {
            this.breakGlass = new BreakGlass(justification);
            return this;
        }

        Ask grantActive() {
            this.grantActive = true;
            return this;
        }

        Ask usesToday(int uses) {
            this.usesToday = uses;
            return this;
        }

        Ask block(InformationBlock block) {
            this.block = block;
            return this;
        }

        Ask restricted() {
            this.restricted = true;
            return this;
        }

        AccessRequest request() {
            return new AccessRequest(actor, actorCitizen, CITIZEN, asked, purpose, breakGlass, block, cases,
                    grantActive, usesToday, NOW, restricted);
        }
    }
}
