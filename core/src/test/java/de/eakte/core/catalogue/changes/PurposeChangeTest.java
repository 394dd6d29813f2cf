package de.eakte.core.catalogue.changes;

import de.eakte.core.access.DataCategory;
import de.eakte.core.access.policy.DefaultPurposes;
import de.eakte.core.access.policy.Purpose;
import de.eakte.core.access.policy.PurposeCode;
import de.eakte.core.access.policy.PurposeDirectory;
import de.eakte.core.catalogue.Catalogue;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.OfficeCode;
import de.eakte.core.shared.Role;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static de.eakte.core.access.DataCategory.ADDRESS_HISTORY;
import static de.eakte.core.access.DataCategory.CASE_SUMMARIES;
import static de.eakte.core.access.DataCategory.MASTER_DATA;
import static de.eakte.core.shared.DomainRuleViolation.Kind.CONFLICT;
import static de.eakte.core.shared.DomainRuleViolation.Kind.FORBIDDEN;
import static de.eakte.core.shared.DomainRuleViolation.Kind.INVALID;
import static de.eakte.core.shared.RuleAssertions.assertInvalid;
import static de.eakte.core.shared.RuleMatchers.invalidValue;
import static de.eakte.core.shared.RuleMatchers.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.predicate;

class PurposeChangeTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");
    private static final Instant PROPOSED_AT = Instant.parse("2026-11-20T15:30:00Z");
    private static final Instant DECIDED_AT = Instant.parse("2026-11-20T16:00:00Z");

    private static final PurposeChangeId CHANGE = PurposeChangeId.of("5d6e7f80-1a2b-4c3d-8e4f-a0b1c2d3e4f5");
    private static final OfficeCode RESIDENTS = Catalogue.RESIDENTS_REGISTRATION;
    private static final OfficeCode SOCIAL = Catalogue.SOCIAL_SERVICES;
    private static final OfficeCode VEHICLES = Catalogue.VEHICLE_REGISTRATION;

    private static final Actor ADMIN_A = new Actor(Role.ADMIN, "admin-anna", null);
    private static final Actor ADMIN_B = new Actor(Role.ADMIN, "admin-bernd", null);
    private static final Actor DPO = new Actor(Role.DPO, "dpo-dora", null);
    private static final Actor CLERK = Actor.staff("clerk-mueller", RESIDENTS);

    private static final PurposeCode WAFFG = PurposeCode.of("WAFFG-5");
    private static final String REASON = "Zuverlässigkeitsprüfung nach WaffG § 5 durch die Waffenbehörde";

    /** A new purpose of office 33, with sets as the caller sends them (unsorted). */
    private static final Purpose WEAPONS_CHECK = new Purpose(WAFFG, RESIDENTS, "  Zuverlässigkeitsprüfung  ",
            "WaffG § 5 Abs. 5", Set.of(ADDRESS_HISTORY, MASTER_DATA), Set.of(VEHICLES, SOCIAL), false);

    private AggregateTestFixture<PurposeChange> fixture;

    @BeforeEach
    void setUp() {
        List<Purpose> defaults = DefaultPurposes.of(Catalogue.defaults());
        PurposeDirectory inForce = new PurposeDirectory() {
            @Override
            public Optional<Purpose> find(OfficeCode office, PurposeCode code) {
                return defaults.stream().filter(p -> p.office().equals(office) && p.code().equals(code)).findFirst();
            }

            @Override
            public List<Purpose> of(OfficeCode office) {
                return defaults.stream().filter(p -> p.office().equals(office)).toList();
            }
        };
        fixture = new AggregateTestFixture<>(PurposeChange.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(Catalogue.defaults());
        fixture.registerInjectableResource(inForce);
    }

    private static PurposeChangeProposed proposedPut() {
        return new PurposeChangeProposed(CHANGE, PurposeChangeKind.PUT, RESIDENTS, WAFFG, "Zuverlässigkeitsprüfung",
                "WaffG § 5 Abs. 5", List.of(MASTER_DATA, ADDRESS_HISTORY), List.of(VEHICLES, SOCIAL), false,
                REASON, PROPOSED_AT);
    }

    /** The proposal as admin A stored it: the fingerprint travels in the metadata. */
    private static EventMessage<PurposeChangeProposed> proposedBy(Actor proposer) {
        return new GenericEventMessage<>(proposedPut(),
                MetaData.with(PurposeChange.PROPOSER_FINGERPRINT, PurposeChange.fingerprint(CHANGE, proposer)));
    }

    private static PurposeChangeApproved approved() {
        return new PurposeChangeApproved(CHANGE, DECIDED_AT);
    }

    private static PurposeChangeRejected rejected() {
        return new PurposeChangeRejected(CHANGE, "Rechtsgrundlage ungenau", DECIDED_AT);
    }

    private static Purpose purpose(String code, OfficeCode office, Set<DataCategory> categories,
                                   Set<OfficeCode> caseOffices, boolean allOffices) {
        return new Purpose(PurposeCode.of(code), office, "Zweck", "Gesetz § 1", categories, caseOffices, allOffices);
    }

    @Nested
    class ProposePurposeChangeHandler {

        @Test
        void givenNothing_whenAdminProposesPut_thenProposedWithTrimmedTextAndSortedSets() {
            fixture.givenNoPriorActivity()
                    .when(ProposePurposeChange.put(CHANGE, WEAPONS_CHECK, REASON, ADMIN_A))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new PurposeChangeProposed(CHANGE, PurposeChangeKind.PUT, RESIDENTS, WAFFG,
                            "Zuverlässigkeitsprüfung", "WaffG § 5 Abs. 5", List.of(MASTER_DATA, ADDRESS_HISTORY),
                            List.of(VEHICLES, SOCIAL), false, REASON, NOW));
        }

        @Test
        void givenNothing_whenAdminProposesReplacingADefault_thenProposed() {
            Purpose narrower = purpose("AMTSHILFE", SOCIAL, EnumSet.of(MASTER_DATA), Set.of(), true);
            fixture.givenNoPriorActivity()
                    .when(ProposePurposeChange.put(CHANGE, narrower, REASON, ADMIN_A))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new PurposeChangeProposed(CHANGE, PurposeChangeKind.PUT, SOCIAL,
                            PurposeCode.of("AMTSHILFE"), "Zweck", "Gesetz § 1", List.of(MASTER_DATA), List.of(), true,
                            REASON, NOW));
        }

        @Test
        void givenNothing_whenAdminProposes_thenTheProposalCarriesTheProposersFingerprintNotTheirName() {
            fixture.givenNoPriorActivity()
                    .when(ProposePurposeChange.put(CHANGE, WEAPONS_CHECK, REASON, ADMIN_A))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(exactSequenceOf(predicate((EventMessage<?> m) ->
                                    PurposeChange.fingerprint(CHANGE, ADMIN_A)
                                            .equals(m.getMetaData().get(PurposeChange.PROPOSER_FINGERPRINT))
                                    && !m.getMetaData().containsValue(ADMIN_A.subject()))));
        }

        @Test
        void givenNothing_whenAdminProposesWithdrawalOfAPurposeInForce_thenProposedWithoutDefinition() {
            fixture.givenNoPriorActivity()
                    .when(ProposePurposeChange.withdraw(CHANGE, RESIDENTS, PurposeCode.of("BMG-34"), REASON, ADMIN_A))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new PurposeChangeProposed(CHANGE, PurposeChangeKind.WITHDRAW, RESIDENTS,
                            PurposeCode.of("BMG-34"), null, null, List.of(), List.of(), false, REASON, NOW));
        }

        @ParameterizedTest
        @EnumSource(value = Role.class, names = {"STAFF", "CITIZEN", "DPO"})
        void givenNothing_whenSomeoneOtherThanAnAdminProposes_thenForbiddenAdminOnly(Role role) {
            Actor actor = role == Role.STAFF ? CLERK : new Actor(role, "someone", null);
            fixture.givenNoPriorActivity()
                    .when(ProposePurposeChange.put(CHANGE, WEAPONS_CHECK, REASON, actor))
                    .expectException(violation(FORBIDDEN, "admin-only"))
                    .expectNoEvents();
        }

        @Test
        void givenNothing_whenProposingWithoutActor_thenForbiddenAdminOnly() {
            fixture.givenNoPriorActivity()
                    .when(ProposePurposeChange.put(CHANGE, WEAPONS_CHECK, REASON, null))
                    .expectException(violation(FORBIDDEN, "admin-only"))
                    .expectNoEvents();
        }

        @Test
        void givenNothing_whenProposingWithoutKind_thenKindRequired() {
            fixture.givenNoPriorActivity()
                    .when(new ProposePurposeChange(CHANGE, null, RESIDENTS, WAFFG, WEAPONS_CHECK, REASON, ADMIN_A))
                    .expectException(invalidValue("kind", "required"))
                    .expectNoEvents();
        }

        @Test
        void givenNothing_whenProposingWithoutReason_thenReasonRequired() {
            fixture.givenNoPriorActivity()
                    .when(ProposePurposeChange.put(CHANGE, WEAPONS_CHECK, "  ", ADMIN_A))
                    .expectException(invalidValue("reason", "required"))
                    .expectNoEvents();
        }

        @Test
        void givenNothing_whenProposingWithAnOverlongReason_thenReasonMaxLength() {
            fixture.givenNoPriorActivity()
                    .when(ProposePurposeChange.put(CHANGE, WEAPONS_CHECK, "x".repeat(PurposeChange.REASON_MAX + 1),
                            ADMIN_A))
                    .expectException(invalidValue("reason", "max-length"))
                    .expectNoEvents();
        }

        @Test
        void givenNothing_whenPuttingWithoutPurpose_thenPurposeRequired() {
            fixture.givenNoPriorActivity()
                    .when(ProposePurposeChange.put(CHANGE, null, REASON, ADMIN_A))
                    .expectException(invalidValue("purpose", "required"))
                    .expectNoEvents();
        }

        @Test
        void givenNothing_whenPutNamesAnotherCodeThanItsPurpose_thenInvalidPurposeMismatch() {
            fixture.givenNoPriorActivity()
                    .when(new ProposePurposeChange(CHANGE, PurposeChangeKind.PUT, RESIDENTS, PurposeCode.of("BMG-34"),
                            WEAPONS_CHECK, REASON, ADMIN_A))
                    .expectException(violation(INVALID, "purpose-mismatch", "code"))
                    .expectNoEvents();
        }

        @Test
        void givenNothing_whenPuttingAPurposeOfAnUnknownOffice_thenInvalidOfficeUnknown() {
            fixture.givenNoPriorActivity()
                    .when(ProposePurposeChange.put(CHANGE, purpose("X-1", OfficeCode.of("99"), EnumSet.of(MASTER_DATA),
                            Set.of(), false), REASON, ADMIN_A))
                    .expectException(violation(INVALID, "office-unknown", "office"))
                    .expectNoEvents();
        }

        @Test
        void givenNothing_whenPuttingAPurposeThatSeesAnUnknownOffice_thenInvalidOfficeUnknownInCaseOffices() {
            fixture.givenNoPriorActivity()
                    .when(ProposePurposeChange.put(CHANGE, purpose("X-1", RESIDENTS, EnumSet.of(CASE_SUMMARIES),
                            Set.of(RESIDENTS, OfficeCode.of("99")), false), REASON, ADMIN_A))
                    .expectException(violation(INVALID, "office-unknown", "caseOffices"))
                    .expectNoEvents();
        }

        @Test
        void givenNothing_whenPuttingAPurposeWithoutCategories_thenInvalidCategoriesRequired() {
            fixture.givenNoPriorActivity()
                    .when(ProposePurposeChange.put(CHANGE, purpose("X-1", RESIDENTS, Set.of(), Set.of(), false),
                            REASON, ADMIN_A))
                    .expectException(violation(INVALID, "categories-required", "categories"))
                    .expectNoEvents();
        }

        @Test
        void givenNothing_whenPuttingCaseOfficesAndAllOffices_thenInvalidCaseOfficesOrAllOffices() {
            fixture.givenNoPriorActivity()
                    .when(ProposePurposeChange.put(CHANGE, purpose("X-1", RESIDENTS, EnumSet.of(CASE_SUMMARIES),
                            Set.of(SOCIAL), true), REASON, ADMIN_A))
                    .expectException(violation(INVALID, "case-offices-or-all-offices", "caseOffices"))
                    .expectNoEvents();
        }

        @Test
        void givenNothing_whenPuttingABlankName_thenNameRequired() {
            Purpose unnamed = new Purpose(WAFFG, RESIDENTS, " ", "WaffG § 5", Set.of(MASTER_DATA), Set.of(), false);
            fixture.givenNoPriorActivity()
                    .when(ProposePurposeChange.put(CHANGE, unnamed, REASON, ADMIN_A))
                    .expectException(invalidValue("name", "required"))
                    .expectNoEvents();
        }

        @Test
        void givenNothing_whenPuttingAnOverlongLegalBasis_thenLegalBasisMaxLength() {
            Purpose wordy = new Purpose(WAFFG, RESIDENTS, "Zweck", "§".repeat(PurposeChange.LEGAL_BASIS_MAX + 1),
                    Set.of(MASTER_DATA), Set.of(), false);
            fixture.givenNoPriorActivity()
                    .when(ProposePurposeChange.put(CHANGE, wordy, REASON, ADMIN_A))
                    .expectException(invalidValue("legalBasis", "max-length"))
                    .expectNoEvents();
        }

        @Test
        void givenNothing_whenWithdrawingAPurposeNotInForce_thenInvalidPurposeNotInForce() {
            fixture.givenNoPriorActivity()
                    .when(ProposePurposeChange.withdraw(CHANGE, SOCIAL, PurposeCode.of("BMG-34"), REASON, ADMIN_A))
                    .expectException(violation(INVALID, "purpose-not-in-force", "code"))
                    .expectNoEvents();
        }

        @Test
        void givenNothing_whenWithdrawingForAnUnknownOffice_thenInvalidOfficeUnknown() {
            fixture.givenNoPriorActivity()
                    .when(ProposePurposeChange.withdraw(CHANGE, OfficeCode.of("99"), PurposeCode.of("AMTSHILFE"),
                            REASON, ADMIN_A))
                    .expectException(violation(INVALID, "office-unknown", "office"))
                    .expectNoEvents();
        }

        @Test
        void givenNothing_whenWithdrawingWithoutCode_thenCodeRequired() {
            fixture.givenNoPriorActivity()
                    .when(ProposePurposeChange.withdraw(CHANGE, RESIDENTS, null, REASON, ADMIN_A))
                    .expectException(invalidValue("code", "required"))
                    .expectNoEvents();
        }

        @Test
        void givenNothing_whenAWithdrawalCarriesADefinition_thenInvalidWithdrawalHasNoDefinition() {
            fixture.givenNoPriorActivity()
                    .when(new ProposePurposeChange(CHANGE, PurposeChangeKind.WITHDRAW, RESIDENTS, WAFFG, WEAPONS_CHECK,
                            REASON, ADMIN_A))
                    .expectException(violation(INVALID, "withdrawal-has-no-definition", "purpose"))
                    .expectNoEvents();
        }
    }

    @Nested
    class ApprovePurposeChangeHandler {

        @Test
        void givenProposalByAdminA_whenAdminBApproves_thenApproved() {
            fixture.given(proposedBy(ADMIN_A))
                    .when(new ApprovePurposeChange(CHANGE, ADMIN_B))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new PurposeChangeApproved(CHANGE, NOW));
        }

        @Test
        void givenProposalByAdminA_whenAdminAApproves_thenForbiddenFourEyes() {
            fixture.given(proposedBy(ADMIN_A))
                    .when(new ApprovePurposeChange(CHANGE, ADMIN_A))
                    .expectException(violation(FORBIDDEN, "four-eyes"))
                    .expectNoEvents();
        }

        @Test
        void givenProposalSentByAdminA_whenAdminAApproves_thenForbiddenFourEyes() {
            // the fingerprint goes through the stored metadata and back into the state
            fixture.givenCommands(ProposePurposeChange.put(CHANGE, WEAPONS_CHECK, REASON, ADMIN_A))
                    .when(new ApprovePurposeChange(CHANGE, ADMIN_A))
                    .expectException(violation(FORBIDDEN, "four-eyes"))
                    .expectNoEvents();
        }

        @Test
        void givenProposalSentByAdminA_whenAdminBApproves_thenApproved() {
            fixture.givenCommands(ProposePurposeChange.put(CHANGE, WEAPONS_CHECK, REASON, ADMIN_A))
                    .when(new ApprovePurposeChange(CHANGE, ADMIN_B))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new PurposeChangeApproved(CHANGE, NOW));
        }

        @Test
        void givenProposalWithoutProposerFingerprint_whenAdminBApproves_thenForbiddenFourEyes() {
            fixture.given(proposedPut())
                    .when(new ApprovePurposeChange(CHANGE, ADMIN_B))
                    .expectException(violation(FORBIDDEN, "four-eyes"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = Role.class, names = {"STAFF", "CITIZEN", "DPO"})
        void givenProposal_whenSomeoneOtherThanAnAdminApproves_thenForbiddenAdminOnly(Role role) {
            Actor actor = role == Role.STAFF ? CLERK : new Actor(role, "someone", null);
            fixture.given(proposedBy(ADMIN_A))
                    .when(new ApprovePurposeChange(CHANGE, actor))
                    .expectException(violation(FORBIDDEN, "admin-only"))
                    .expectNoEvents();
        }

        @Test
        void givenApprovedChange_whenAdminBApprovesAgain_thenConflictChangeNotPending() {
            fixture.given(proposedBy(ADMIN_A), approved())
                    .when(new ApprovePurposeChange(CHANGE, ADMIN_B))
                    .expectException(violation(CONFLICT, "change-not-pending"))
                    .expectNoEvents();
        }

        @Test
        void givenRejectedChange_whenAdminBApproves_thenConflictChangeNotPending() {
            fixture.given(proposedBy(ADMIN_A), rejected())
                    .when(new ApprovePurposeChange(CHANGE, ADMIN_B))
                    .expectException(violation(CONFLICT, "change-not-pending"))
                    .expectNoEvents();
        }
    }

    @Nested
    class RejectPurposeChangeHandler {

        @Test
        void givenProposalByAdminA_whenAdminBRejects_thenRejectedWithTheReason() {
            fixture.given(proposedBy(ADMIN_A))
                    .when(new RejectPurposeChange(CHANGE, " Rechtsgrundlage ungenau ", ADMIN_B))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new PurposeChangeRejected(CHANGE, "Rechtsgrundlage ungenau", NOW));
        }

        @Test
        void givenProposalByAdminA_whenAdminARejects_thenForbiddenFourEyes() {
            fixture.given(proposedBy(ADMIN_A))
                    .when(new RejectPurposeChange(CHANGE, "zurückgezogen", ADMIN_A))
                    .expectException(violation(FORBIDDEN, "four-eyes"))
                    .expectNoEvents();
        }

        @Test
        void givenProposal_whenTheDpoRejects_thenForbiddenAdminOnly() {
            fixture.given(proposedBy(ADMIN_A))
                    .when(new RejectPurposeChange(CHANGE, "Bedenken", DPO))
                    .expectException(violation(FORBIDDEN, "admin-only"))
                    .expectNoEvents();
        }

        @Test
        void givenProposal_whenRejectingWithoutReason_thenReasonRequired() {
            fixture.given(proposedBy(ADMIN_A))
                    .when(new RejectPurposeChange(CHANGE, null, ADMIN_B))
                    .expectException(invalidValue("reason", "required"))
                    .expectNoEvents();
        }

        @Test
        void givenApprovedChange_whenAdminBRejects_thenConflictChangeNotPending() {
            fixture.given(proposedBy(ADMIN_A), approved())
                    .when(new RejectPurposeChange(CHANGE, "zu spät", ADMIN_B))
                    .expectException(violation(CONFLICT, "change-not-pending"))
                    .expectNoEvents();
        }

        @Test
        void givenRejectedChange_whenAdminBRejectsAgain_thenConflictChangeNotPending() {
            fixture.given(proposedBy(ADMIN_A), rejected())
                    .when(new RejectPurposeChange(CHANGE, "doppelt", ADMIN_B))
                    .expectException(violation(CONFLICT, "change-not-pending"))
                    .expectNoEvents();
        }
    }

    @Nested
    class AttachDpoOpinionHandler {

        private static final String OPINION = "Keine Bedenken, sofern nur Meldedaten übermittelt werden.";

        @Test
        void givenPendingChange_whenTheDpoAttachesAnOpinion_thenAttached() {
            fixture.given(proposedBy(ADMIN_A))
                    .when(new AttachDpoOpinion(CHANGE, OPINION, DPO))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new DpoOpinionAttached(CHANGE, OPINION, NOW));
        }

        @Test
        void givenApprovedChange_whenTheDpoAttachesAnOpinion_thenAttached() {
            fixture.given(proposedBy(ADMIN_A), approved())
                    .when(new AttachDpoOpinion(CHANGE, OPINION, DPO))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new DpoOpinionAttached(CHANGE, OPINION, NOW));
        }

        @Test
        void givenRejectedChange_whenTheDpoAttachesASecondOpinion_thenAttached() {
            fixture.given(proposedBy(ADMIN_A), rejected(), new DpoOpinionAttached(CHANGE, "Erste Einschätzung", DECIDED_AT))
                    .when(new AttachDpoOpinion(CHANGE, OPINION, DPO))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new DpoOpinionAttached(CHANGE, OPINION, NOW));
        }

        @ParameterizedTest
        @EnumSource(value = Role.class, names = {"STAFF", "CITIZEN", "ADMIN"})
        void givenPendingChange_whenSomeoneOtherThanTheDpoAttachesAnOpinion_thenForbiddenDpoOnly(Role role) {
            Actor actor = role == Role.STAFF ? CLERK : new Actor(role, "someone", null);
            fixture.given(proposedBy(ADMIN_A))
                    .when(new AttachDpoOpinion(CHANGE, OPINION, actor))
                    .expectException(violation(FORBIDDEN, "dpo-only"))
                    .expectNoEvents();
        }

        @Test
        void givenPendingChange_whenTheDpoAttachesABlankOpinion_thenOpinionRequired() {
            fixture.given(proposedBy(ADMIN_A))
                    .when(new AttachDpoOpinion(CHANGE, " ", DPO))
                    .expectException(invalidValue("opinion", "required"))
                    .expectNoEvents();
        }
    }

    @Nested
    class IdsAndFingerprints {

        @Test
        void givenAPutProposal_whenReadingItsPurpose_thenItIsTheProposedDefinition() {
            Purpose purpose = proposedPut().toPurpose();

            assertThat(purpose.code()).isEqualTo(WAFFG);
            assertThat(purpose.office()).isEqualTo(RESIDENTS);
            assertThat(purpose.categories()).containsExactly(MASTER_DATA, ADDRESS_HISTORY);
            assertThat(purpose.caseOffices()).containsExactlyInAnyOrder(VEHICLES, SOCIAL);
            assertThat(purpose.allOffices()).isFalse();
        }

        @Test
        void givenTheSameAdmin_whenFingerprintingTwoChanges_thenTheFingerprintsDiffer() {
            PurposeChangeId other = PurposeChangeId.of("00000000-0000-4000-8000-000000000001");

            assertThat(PurposeChange.fingerprint(CHANGE, ADMIN_A)).isNotEqualTo(PurposeChange.fingerprint(other, ADMIN_A))
                    .isNotEqualTo(PurposeChange.fingerprint(CHANGE, ADMIN_B)).hasSize(64).doesNotContain("anna");
        }

        @Test
        void givenAnOddUuidForm_whenParsingAChangeId_thenInvalidUuid() {
            assertInvalid(() -> PurposeChangeId.of("1-1-1-1-1"), "changeId", "uuid");
        }
    }
}
