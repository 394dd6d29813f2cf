package de.eakte.core.catalogue.changes;

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

import static de.eakte.core.shared.DomainRuleViolation.Kind.CONFLICT;
import static de.eakte.core.shared.DomainRuleViolation.Kind.FORBIDDEN;
import static de.eakte.core.shared.DomainRuleViolation.Kind.INVALID;
import static de.eakte.core.shared.RuleMatchers.invalidValue;
import static de.eakte.core.shared.RuleMatchers.violation;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.predicate;

class OfficeChangeTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");
    private static final Instant PROPOSED_AT = Instant.parse("2026-11-20T15:30:00Z");
    private static final Instant DECIDED_AT = Instant.parse("2026-11-20T16:00:00Z");

    private static final OfficeChangeId CHANGE = OfficeChangeId.of("7f809102-3c4d-4e5f-8a71-c2d3e4f5a6b7");
    private static final OfficeCode DRIVING_LICENCES = OfficeCode.of("37");
    private static final String NAME = "Fahrerlaubnisbehörde";

    private static final Actor ADMIN_A = new Actor(Role.ADMIN, "admin-anna", null);
    private static final Actor ADMIN_B = new Actor(Role.ADMIN, "admin-bernd", null);
    private static final Actor DPO = new Actor(Role.DPO, "dpo-dora", null);
    private static final Actor CLERK = Actor.staff("clerk-mueller", Catalogue.VEHICLE_REGISTRATION);

    private static final String REASON = "Die Fahrerlaubnisbehörde wird ein eigenes Amt";

    private AggregateTestFixture<OfficeChange> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OfficeChange.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        // the seeded catalogue is the offices in force
        fixture.registerInjectableResource(Catalogue.defaults());
    }

    private static ProposeOfficeChange proposal(OfficeChangeKind kind, OfficeCode code, String name, String reason,
                                                Actor actor) {
        return new ProposeOfficeChange(CHANGE, kind, code, name, reason, actor);
    }

    private static ProposeOfficeChange addDrivingLicences(Actor actor) {
        return proposal(OfficeChangeKind.ADD, DRIVING_LICENCES, "  " + NAME + "  ", REASON, actor);
    }

    private static OfficeChangeProposed proposed(Instant at) {
        return new OfficeChangeProposed(CHANGE, OfficeChangeKind.ADD, DRIVING_LICENCES, NAME, REASON, at);
    }

    private static EventMessage<OfficeChangeProposed> proposedBy(Actor proposer) {
        return new GenericEventMessage<>(proposed(PROPOSED_AT),
                MetaData.with(PurposeChange.PROPOSER_FINGERPRINT, FourEyes.fingerprint(CHANGE, proposer)));
    }

    @Nested
    class ProposeOfficeChangeHandler {

        @Test
        void givenNothing_whenAdminProposesANewOffice_thenProposedWithTrimmedName() {
            fixture.givenNoPriorActivity()
                    .when(addDrivingLicences(ADMIN_A))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(proposed(NOW));
        }

        @Test
        void givenNothing_whenAdminProposes_thenTheProposalCarriesTheFingerprintNotTheName() {
            fixture.givenNoPriorActivity()
                    .when(addDrivingLicences(ADMIN_A))
                    .expectEventsMatching(exactSequenceOf(predicate((EventMessage<?> m) ->
                            FourEyes.fingerprint(CHANGE, ADMIN_A)
                                    .equals(m.getMetaData().get(PurposeChange.PROPOSER_FINGERPRINT))
                                    && !m.getMetaData().containsValue(ADMIN_A.subject()))));
        }

        @Test
        void givenNothing_whenAdminProposesRenamingASeededOffice_thenProposed() {
            fixture.givenNoPriorActivity()
                    .when(proposal(OfficeChangeKind.RENAME, Catalogue.TRADE_OFFICE, "Gewerbe- und Ordnungsamt",
                            REASON, ADMIN_A))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OfficeChangeProposed(CHANGE, OfficeChangeKind.RENAME, Catalogue.TRADE_OFFICE,
                            "Gewerbe- und Ordnungsamt", REASON, NOW));
        }

        @ParameterizedTest
        @EnumSource(value = Role.class, names = {"STAFF", "CITIZEN", "DPO"})
        void givenNothing_whenSomeoneOtherThanAnAdminProposes_thenForbiddenAdminOnly(Role role) {
            Actor actor = role == Role.STAFF ? CLERK : new Actor(role, "someone", null);
            fixture.givenNoPriorActivity()
                    .when(addDrivingLicences(actor))
                    .expectException(violation(FORBIDDEN, "admin-only"))
                    .expectNoEvents();
        }

        @Test
        void givenNothing_whenAddingAnOfficeInForce_thenOfficeExists() {
            fixture.givenNoPriorActivity()
                    .when(proposal(OfficeChangeKind.ADD, Catalogue.TRADE_OFFICE, "Gewerbeamt", REASON, ADMIN_A))
                    .expectException(violation(INVALID, "office-exists", "code"))
                    .expectNoEvents();
        }

        @Test
        void givenNothing_whenRenamingAnUnknownOffice_thenOfficeUnknown() {
            fixture.givenNoPriorActivity()
                    .when(proposal(OfficeChangeKind.RENAME, DRIVING_LICENCES, NAME, REASON, ADMIN_A))
                    .expectException(violation(INVALID, "office-unknown", "code"))
                    .expectNoEvents();
        }

        @Test
        void givenNothing_whenProposingWithoutKindCodeNameOrReason_thenRequired() {
            fixture.givenNoPriorActivity()
                    .when(proposal(null, DRIVING_LICENCES, NAME, REASON, ADMIN_A))
                    .expectException(invalidValue("kind", "required"));
            fixture.givenNoPriorActivity()
                    .when(proposal(OfficeChangeKind.ADD, null, NAME, REASON, ADMIN_A))
                    .expectException(invalidValue("code", "required"));
            fixture.givenNoPriorActivity()
                    .when(proposal(OfficeChangeKind.ADD, DRIVING_LICENCES, " ", REASON, ADMIN_A))
                    .expectException(invalidValue("name", "required"));
            fixture.givenNoPriorActivity()
                    .when(proposal(OfficeChangeKind.ADD, DRIVING_LICENCES, NAME, null, ADMIN_A))
                    .expectException(invalidValue("reason", "required"));
        }
    }

    @Nested
    class ApproveOfficeChangeHandler {

        @Test
        void givenProposalByA_whenBApproves_thenApproved() {
            fixture.given(proposedBy(ADMIN_A))
                    .when(new ApproveOfficeChange(CHANGE, ADMIN_B))
                    .expectEvents(new OfficeChangeApproved(CHANGE, NOW));
        }

        @Test
        void givenProposalByA_whenAApproves_thenForbiddenFourEyes() {
            fixture.given(proposedBy(ADMIN_A))
                    .when(new ApproveOfficeChange(CHANGE, ADMIN_A))
                    .expectException(violation(FORBIDDEN, "four-eyes"))
                    .expectNoEvents();
        }

        @Test
        void givenProposalWithoutFingerprint_whenBApproves_thenForbiddenFourEyes() {
            fixture.given(proposed(PROPOSED_AT))
                    .when(new ApproveOfficeChange(CHANGE, ADMIN_B))
                    .expectException(violation(FORBIDDEN, "four-eyes"))
                    .expectNoEvents();
        }

        @Test
        void givenProposalByA_whenTheDpoApproves_thenForbiddenAdminOnly() {
            fixture.given(proposedBy(ADMIN_A))
                    .when(new ApproveOfficeChange(CHANGE, DPO))
                    .expectException(violation(FORBIDDEN, "admin-only"))
                    .expectNoEvents();
        }

        @Test
        void givenApprovedChange_whenApprovedAgain_thenConflictChangeNotPending() {
            fixture.given(proposedBy(ADMIN_A), new OfficeChangeApproved(CHANGE, DECIDED_AT))
                    .when(new ApproveOfficeChange(CHANGE, ADMIN_B))
                    .expectException(violation(CONFLICT, "change-not-pending"))
                    .expectNoEvents();
        }
    }

    @Nested
    class RejectOfficeChangeHandler {

        @Test
        void givenProposalByA_whenBRejects_thenRejectedWithReason() {
            fixture.given(proposedBy(ADMIN_A))
                    .when(new RejectOfficeChange(CHANGE, "  Zuschnitt prüfen  ", ADMIN_B))
                    .expectEvents(new OfficeChangeRejected(CHANGE, "Zuschnitt prüfen", NOW));
        }

        @Test
        void givenProposalByA_whenARejects_thenForbiddenFourEyes() {
            fixture.given(proposedBy(ADMIN_A))
                    .when(new RejectOfficeChange(CHANGE, "nein", ADMIN_A))
                    .expectException(violation(FORBIDDEN, "four-eyes"))
                    .expectNoEvents();
        }

        @Test
        void givenProposalByA_whenTheDpoRejects_thenForbiddenAdminOnly() {
            fixture.given(proposedBy(ADMIN_A))
                    .when(new RejectOfficeChange(CHANGE, "nein", DPO))
                    .expectException(violation(FORBIDDEN, "admin-only"))
                    .expectNoEvents();
        }

        @Test
        void givenProposalByA_whenBRejectsWithoutReason_thenRequired() {
            fixture.given(proposedBy(ADMIN_A))
                    .when(new RejectOfficeChange(CHANGE, " ", ADMIN_B))
                    .expectException(invalidValue("reason", "required"))
                    .expectNoEvents();
        }

        @Test
        void givenRejectedChange_whenRejectedAgain_thenConflictChangeNotPending() {
            fixture.given(proposedBy(ADMIN_A), new OfficeChangeRejected(CHANGE, "nein", DECIDED_AT))
                    .when(new RejectOfficeChange(CHANGE, "doch nicht", ADMIN_B))
                    .expectException(violation(CONFLICT, "change-not-pending"))
                    .expectNoEvents();
        }
    }

    @Nested
    class AttachOfficeChangeOpinionHandler {

        @Test
        void givenApprovedChange_whenTheDpoAttachesAnOpinion_thenAttached() {
            fixture.given(proposedBy(ADMIN_A), new OfficeChangeApproved(CHANGE, DECIDED_AT))
                    .when(new AttachOfficeChangeOpinion(CHANGE, " Keine Bedenken. ", DPO))
                    .expectEvents(new OfficeChangeOpinionAttached(CHANGE, "Keine Bedenken.", NOW));
        }

        @Test
        void givenProposal_whenAnAdminAttachesAnOpinion_thenForbiddenDpoOnly() {
            fixture.given(proposedBy(ADMIN_A))
                    .when(new AttachOfficeChangeOpinion(CHANGE, "passt", ADMIN_B))
                    .expectException(violation(FORBIDDEN, "dpo-only"))
                    .expectNoEvents();
        }

        @Test
        void givenProposal_whenTheDpoAttachesNoOpinion_thenRequired() {
            fixture.given(proposedBy(ADMIN_A))
                    .when(new AttachOfficeChangeOpinion(CHANGE, "  ", DPO))
                    .expectException(invalidValue("opinion", "required"))
                    .expectNoEvents();
        }
    }
}
