package de.eakte.core.retention;

import de.eakte.core.cases.FileReference;
import de.eakte.core.catalogue.DisposalKind;
import de.eakte.core.crypto.FieldSealer;
import de.eakte.core.crypto.InMemoryDataKeys;
import de.eakte.core.crypto.KeyId;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.Fingerprints;
import de.eakte.core.shared.OfficeCode;
import de.eakte.core.shared.Role;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static de.eakte.core.shared.DomainRuleViolation.Kind.CONFLICT;
import static de.eakte.core.shared.DomainRuleViolation.Kind.FORBIDDEN;
import static de.eakte.core.shared.DomainRuleViolation.Kind.INVALID;
import static de.eakte.core.shared.RuleMatchers.violation;
import static org.assertj.core.api.Assertions.assertThat;

class DisposalListTest {

    /** 10:00 in Berlin on 2 February 2037: identity cards closed in 2026 (10 years) are due. */
    private static final Instant NOW = Instant.parse("2037-02-02T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2037, 2, 2);
    private static final Instant DRAWN_AT = Instant.parse("2037-02-01T03:30:00Z");

    private static final DisposalListId LIST = DisposalListId.of("8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d");
    private static final CitizenId CITIZEN = CitizenId.of("3f2b8c1e-0c4a-4f7e-9d2a-5b6c7d8e9f01");
    private static final CaseId ID_CARD = CaseId.of("7a1d5e2c-3b4f-4c6d-8e9f-0a1b2c3d4e5f");
    private static final CaseId TRADE = CaseId.of("1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9");
    private static final CaseId BUILDING = CaseId.of("2c3d4e5f-6071-4829-93a4-b5c6d7e8f901");

    private static final Actor ANNA = new Actor(Role.ADMIN, "anna", null);
    private static final Actor BERT = new Actor(Role.ADMIN, "bert", null);

    private static final DisposalCandidate V_CASE = new DisposalCandidate(ID_CARD, CITIZEN,
            FileReference.parse("33-122.20-000042-2026"), new OfficeCode("33"), DisposalKind.V, LocalDate.of(2036, 12, 31));
    private static final DisposalCandidate B_CASE = new DisposalCandidate(TRADE, CITIZEN,
            FileReference.parse("32-511.10-000007-2026"), new OfficeCode("32"), DisposalKind.B, LocalDate.of(2036, 12, 31));
    private static final DisposalCandidate A_CASE = new DisposalCandidate(BUILDING, CITIZEN,
            FileReference.parse("63-621.40-000003-2005"), new OfficeCode("63"), DisposalKind.A, LocalDate.of(2035, 12, 31));

    /** The register port, faked: remembers claims and releases; holds are set by the test. */
    static final class FakeRegister implements RetentionRegister {
        final List<CaseId> claimed = new ArrayList<>();
        final List<CaseId> released = new ArrayList<>();
        final Set<CaseId> holds = new HashSet<>();

        @Override
        public List<DisposalCandidate> due(LocalDate today, int limit) {
            throw new UnsupportedOperationException("the aggregate does not search");
        }

        @Override
        public void claim(DisposalListId list, List<CaseId> cases) {
            claimed.addAll(cases);
        }

        @Override
        public void release(DisposalListId list, CaseId caseId) {
            released.add(caseId);
        }

        @Override
        public boolean underLegalHold(CaseId caseId) {
            return holds.contains(caseId);
        }
    }

    private AggregateTestFixture<DisposalList> fixture;
    private FakeRegister register;
    private InMemoryDataKeys keys;
    private FieldSealer sealer;

    @BeforeEach
    void setUp() {
        register = new FakeRegister();
        keys = new InMemoryDataKeys(new Random(11));
        sealer = new FieldSealer(keys, nonce -> { });
        fixture = new AggregateTestFixture<>(DisposalList.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(register);
        fixture.registerInjectableResource(keys);
    }

    /** The list as drawn up: oldest retention end first. */
    private static DisposalListDrawnUp drawnUp(DisposalCandidate... cases) {
        return new DisposalListDrawnUp(LIST, List.of(cases), LocalDate.of(2037, 2, 1), DrawUpTrigger.SCHEDULE, DRAWN_AT);
    }

    private static DisposalListConfirmed confirmedBy(Actor actor) {
        return new DisposalListConfirmed(LIST, Fingerprints.of(LIST, actor), DRAWN_AT.plusSeconds(3600));
    }

    @Nested
    class DrawUp {

        @Test
        void givenDueCases_whenDrawingUp_thenListDrawnUpOldestFirstAndCasesClaimed() {
            fixture.givenNoPriorActivity()
                    .when(new DrawUpDisposalList(LIST, List.of(V_CASE, B_CASE, A_CASE), DrawUpTrigger.REQUEST, ANNA))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new DisposalListDrawnUp(LIST, List.of(A_CASE, B_CASE, V_CASE), TODAY,
                            DrawUpTrigger.REQUEST, NOW));

            assertThat(register.claimed).containsExactly(BUILDING, TRADE, ID_CARD);
        }

        @Test
        void givenNoCases_whenDrawingUp_thenNothingDueAndNoList() {
            fixture.givenNoPriorActivity()
                    .when(new DrawUpDisposalList(LIST, List.of(), DrawUpTrigger.SCHEDULE, ANNA))
                    .expectException(violation(CONFLICT, "nothing-due"))
                    .expectNoEvents();

            assertThat(register.claimed).isEmpty();
        }

        @Test
        void givenCaseWhoseRetentionEndsToday_whenDrawingUp_thenRefused() {
            DisposalCandidate endsToday = new DisposalCandidate(ID_CARD, CITIZEN, V_CASE.fileReference(), V_CASE.office(),
                    DisposalKind.V, TODAY);

            fixture.givenNoPriorActivity()
                    .when(new DrawUpDisposalList(LIST, List.of(endsToday), DrawUpTrigger.SCHEDULE, ANNA))
                    .expectException(violation(CONFLICT, "retention-not-ended"))
                    .expectNoEvents();

            assertThat(register.claimed).isEmpty();
        }

        @Test
        void givenSameCaseTwice_whenDrawingUp_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new DrawUpDisposalList(LIST, List.of(V_CASE, V_CASE), DrawUpTrigger.SCHEDULE, ANNA))
                    .expectException(violation(INVALID, "case-listed-twice", "cases"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
        void givenNotRecordsManagement_whenDrawingUp_thenForbidden(Role role) {
            fixture.givenNoPriorActivity()
                    .when(new DrawUpDisposalList(LIST, List.of(V_CASE), DrawUpTrigger.REQUEST,
                            new Actor(role, "someone", new OfficeCode("33"))))
                    .expectException(violation(FORBIDDEN, "records-management-only"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Confirm {

        @Test
        void givenDrawnUpList_whenAdminConfirms_thenConfirmedWithFingerprintOnly() {
            fixture.given(drawnUp(V_CASE))
                    .when(new ConfirmDisposalList(LIST, ANNA))
                    .expectEvents(new DisposalListConfirmed(LIST, Fingerprints.of(LIST, ANNA), NOW))
                    .expectResultMessagePayload(DisposalListStatus.CONFIRMED);
        }

        @Test
        void givenConfirmedList_whenConfirmingAgain_thenConflict() {
            fixture.given(drawnUp(V_CASE), confirmedBy(ANNA))
                    .when(new ConfirmDisposalList(LIST, BERT))
                    .expectException(violation(CONFLICT, "list-not-drawn-up"))
                    .expectNoEvents();
        }

        @Test
        void givenDrawnUpList_whenStaffConfirms_thenForbidden() {
            fixture.given(drawnUp(V_CASE))
                    .when(new ConfirmDisposalList(LIST, Actor.staff("clerk", new OfficeCode("33"))))
                    .expectException(violation(FORBIDDEN, "records-management-only"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Approve {

        @Test
        void givenListConfirmedByAnna_whenAnnaApproves_thenFourEyesAndNothingDestroyed() {
            KeyId caseKey = KeyId.ofCase(CITIZEN, ID_CARD);
            keys.forSealing(caseKey);

            fixture.given(drawnUp(V_CASE), confirmedBy(ANNA))
                    .when(new ApproveDisposalList(LIST, ANNA))
                    .expectException(violation(FORBIDDEN, "four-eyes"))
                    .expectNoEvents();

            assertThat(keys.forOpening(caseKey)).isPresent();
        }

        @Test
        void givenDrawnUpList_whenApprovingUnconfirmed_thenConflict() {
            fixture.given(drawnUp(V_CASE))
                    .when(new ApproveDisposalList(LIST, BERT))
                    .expectException(violation(CONFLICT, "list-not-confirmed"))
                    .expectNoEvents();
        }

        @Test
        void givenConfirmedList_whenDpoApproves_thenForbidden() {
            fixture.given(drawnUp(V_CASE), confirmedBy(ANNA))
                    .when(new ApproveDisposalList(LIST, new Actor(Role.DPO, "dora", null)))
                    .expectException(violation(FORBIDDEN, "records-management-only"))
                    .expectNoEvents();
        }

        @Test
        void givenConfirmedList_whenBertApproves_thenEachKindAppliesAndOnlyTheVCaseKeyIsDestroyed() {
            KeyId citizenKey = KeyId.citizen(CITIZEN);
            KeyId idCardKey = KeyId.ofCase(CITIZEN, ID_CARD);
            KeyId tradeKey = KeyId.ofCase(CITIZEN, TRADE);
            var sealedSubject = sealer.seal(idCardKey, ID_CARD.toString(),
                    de.eakte.core.cases.CaseFields.SUBJECT, "Antrag auf Personalausweis");
            keys.forSealing(citizenKey);
            keys.forSealing(tradeKey);

            fixture.given(drawnUp(A_CASE, V_CASE, B_CASE), confirmedBy(ANNA))
                    .when(new ApproveDisposalList(LIST, BERT))
                    .expectEvents(new DisposalListApproved(LIST, NOW),
                            new CaseMarkedForArchive(LIST, BUILDING, NOW),
                            new CaseDestroyed(LIST, ID_CARD, CITIZEN, List.of(idCardKey), NOW),
                            new CaseListedForAppraisal(LIST, TRADE, NOW))
                    .expectResultMessagePayload(DisposalListStatus.APPROVED);

            assertThat(sealer.open(sealedSubject, ID_CARD.toString(), de.eakte.core.cases.CaseFields.SUBJECT)
                    .isRedacted()).isTrue();
            assertThat(keys.forOpening(citizenKey)).isPresent();
            assertThat(keys.forOpening(tradeKey)).isPresent();
            assertThat(register.released).isEmpty();
        }

        @Test
        void givenCaseUnderHoldSinceDrawingUp_whenApproving_thenSkippedGivenBackAndKeyKept() {
            KeyId idCardKey = KeyId.ofCase(CITIZEN, ID_CARD);
            keys.forSealing(idCardKey);
            register.holds.add(ID_CARD);

            fixture.given(drawnUp(V_CASE, B_CASE), confirmedBy(ANNA))
                    .when(new ApproveDisposalList(LIST, BERT))
                    .expectEvents(new DisposalListApproved(LIST, NOW),
                            new CaseDisposalSkipped(LIST, ID_CARD, SkipReason.LEGAL_HOLD, NOW),
                            new CaseListedForAppraisal(LIST, TRADE, NOW));

            assertThat(keys.forOpening(idCardKey)).isPresent();
            assertThat(register.released).containsExactly(ID_CARD);
        }

        @Test
        void givenApprovedList_whenApprovingAgain_thenConflictAndNothingMoreHappens() {
            fixture.given(drawnUp(V_CASE), confirmedBy(ANNA), new DisposalListApproved(LIST, NOW),
                            new CaseDestroyed(LIST, ID_CARD, CITIZEN, List.of(KeyId.ofCase(CITIZEN, ID_CARD)), NOW))
                    .when(new ApproveDisposalList(LIST, BERT))
                    .expectException(violation(CONFLICT, "list-not-confirmed"))
                    .expectNoEvents();
        }
    }
}
