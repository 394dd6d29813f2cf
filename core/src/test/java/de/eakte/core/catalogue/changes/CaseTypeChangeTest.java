package de.eakte.core.catalogue.changes;

import de.eakte.core.catalogue.CaseTypeCode;
import de.eakte.core.catalogue.Catalogue;
import de.eakte.core.catalogue.Confidentiality;
import de.eakte.core.catalogue.DisposalKind;
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

class CaseTypeChangeTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");
    private static final Instant PROPOSED_AT = Instant.parse("2026-11-20T15:30:00Z");
    private static final Instant DECIDED_AT = Instant.parse("2026-11-20T16:00:00Z");

    private static final CaseTypeChangeId CHANGE = CaseTypeChangeId.of("6e7f8091-2b3c-4d5e-9f60-b1c2d3e4f5a6");
    private static final OfficeCode VEHICLES = Catalogue.VEHICLE_REGISTRATION;
    private static final CaseTypeCode DRIVING_LICENCE = CaseTypeCode.of("driving-licence");

    private static final Actor ADMIN_A = new Actor(Role.ADMIN, "admin-anna", null);
    private static final Actor ADMIN_B = new Actor(Role.ADMIN, "admin-bernd", null);
    private static final Actor DPO = new Actor(Role.DPO, "dpo-dora", null);
    private static final Actor CLERK = Actor.staff("clerk-mueller", VEHICLES);

    private static final String REASON = "Führerscheinstelle wird der Zulassungsstelle angegliedert";

    private AggregateTestFixture<CaseTypeChange> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CaseTypeChange.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        // the seeded catalogue is both the offices and the case types in force
        fixture.registerInjectableResource(Catalogue.defaults());
    }

    private static ProposeCaseTypeChange drivingLicence(Actor actor) {
        return proposal(DRIVING_LICENCE, VEHICLES, "  Fahrerlaubnis  ", "142.20", 14, 15, REASON, actor);
    }

    private static ProposeCaseTypeChange proposal(CaseTypeCode code, OfficeCode office, String name,
                                                  String filePlanKey, Integer targetDays, Integer retentionYears,
                                                  String reason, Actor actor) {
        return new ProposeCaseTypeChange(CHANGE, code, office, name, filePlanKey, targetDays,
                Confidentiality.CONFIDENTIAL, retentionYears, DisposalKind.V, "FeV § 61", reason, actor);
    }

    private static CaseTypeChangeProposed proposed(Instant at) {
        return new CaseTypeChangeProposed(CHANGE, DRIVING_LICENCE, VEHICLES, "Fahrerlaubnis", "142.20", 14,
                Confidentiality.CONFIDENTIAL, 15, DisposalKind.V, "FeV § 61", REASON, at);
    }

    private static EventMessage<CaseTypeChangeProposed> proposedBy(Actor proposer) {
        return new GenericEventMessage<>(proposed(PROPOSED_AT),
                MetaData.with(PurposeChange.PROPOSER_FINGERPRINT, FourEyes.fingerprint(CHANGE, proposer)));
    }

    @Nested
    class ProposeCaseTypeChangeHandler {

        @Test
        void givenNothing_whenAdminProposesANewCaseType_thenProposedWithTrimmedName() {
            fixture.givenNoPriorActivity()
                    .when(drivingLicence(ADMIN_A))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(proposed(NOW));
        }

        @Test
        void givenNothing_whenAdminProposes_thenTheProposalCarriesTheFingerprintNotTheName() {
            fixture.givenNoPriorActivity()
                    .when(drivingLicence(ADMIN_A))
                    .expectEventsMatching(exactSequenceOf(predicate((EventMessage<?> m) ->
                            FourEyes.fingerprint(CHANGE, ADMIN_A)
                                    .equals(m.getMetaData().get(PurposeChange.PROPOSER_FINGERPRINT))
                                    && !m.getMetaData().containsValue(ADMIN_A.subject()))));
        }

        @Test
        void givenNothing_whenAdminProposesChangingASeededCaseTypeOfItsOffice_thenProposed() {
            fixture.givenNoPriorActivity()
                    .when(proposal(CaseTypeCode.of("vehicle-registration"), VEHICLES, "Zulassung", "142.10", 5, 7,
                            REASON, ADMIN_A))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new CaseTypeChangeProposed(CHANGE, CaseTypeCode.of("vehicle-registration"),
                            VEHICLES, "Zulassung", "142.10", 5, Confidentiality.CONFIDENTIAL, 7, DisposalKind.V,
                            "FeV § 61", REASON, NOW));
        }

        @ParameterizedTest
        @EnumSource(value = Role.class, names = {"STAFF", "CITIZEN", "DPO"})
        void givenNothing_whenSomeoneOtherThanAnAdminProposes_thenForbiddenAdminOnly(Role role) {
            Actor actor = role == Role.STAFF ? CLERK : new Actor(role, "someone", null);
            fixture.givenNoPriorActivity()
                    .when(drivingLicence(actor))
                    .expectException(violation(FORBIDDEN, "admin-only"))
                    .expectNoEvents();
        }

        @Test
        void givenNothing_whenProposingForAnUnknownOffice_thenOfficeUnknown() {
            fixture.givenNoPriorActivity()
                    .when(proposal(DRIVING_LICENCE, OfficeCode.of("99"), "Fahrerlaubnis", "142.20", 14, 15, REASON,
                            ADMIN_A))
                    .expectException(violation(INVALID, "office-unknown", "office"))
                    .expectNoEvents();
        }

        @Test
        void givenNothing_whenProposingACodeOfAnotherOffice_thenCaseTypeOfOtherOffice() {
            fixture.givenNoPriorActivity()
                    .when(proposal(CaseTypeCode.of("passport"), VEHICLES, "Reisepass", "122.21", 21, 10, REASON,
                            ADMIN_A))
                    .expectException(violation(INVALID, "case-type-of-other-office", "code"))
                    .expectNoEvents();
        }

        @Test
        void givenNothing_whenProposingABadFilePlanKey_thenFilePlanKey() {
            fixture.givenNoPriorActivity()
                    .when(proposal(DRIVING_LICENCE, VEHICLES, "Fahrerlaubnis", "142-20", 14, 15, REASON, ADMIN_A))
                    .expectException(violation(INVALID, "file-plan-key", "filePlanKey"))
                    .expectNoEvents();
        }

        @Test
        void givenNothing_whenProposingOutOfRangeNumbers_thenRange() {
            fixture.givenNoPriorActivity()
                    .when(proposal(DRIVING_LICENCE, VEHICLES, "Fahrerlaubnis", "142.20", 0, 15, REASON, ADMIN_A))
                    .expectException(violation(INVALID, "range", "targetDays"))
                    .expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(proposal(DRIVING_LICENCE, VEHICLES, "Fahrerlaubnis", "142.20", 14, -1, REASON, ADMIN_A))
                    .expectException(violation(INVALID, "range", "retentionYears"))
                    .expectNoEvents();
        }

        @Test
        void givenNothing_whenProposingWithoutNameOrReasonOrNumbers_thenRequired() {
            fixture.givenNoPriorActivity()
                    .when(proposal(DRIVING_LICENCE, VEHICLES, " ", "142.20", 14, 15, REASON, ADMIN_A))
                    .expectException(invalidValue("name", "required"));
            fixture.givenNoPriorActivity()
                    .when(proposal(DRIVING_LICENCE, VEHICLES, "Fahrerlaubnis", "142.20", 14, 15, null, ADMIN_A))
                    .expectException(invalidValue("reason", "required"));
            fixture.givenNoPriorActivity()
                    .when(proposal(DRIVING_LICENCE, VEHICLES, "Fahrerlaubnis", "142.20", null, 15, REASON, ADMIN_A))
                    .expectException(invalidValue("targetDays", "required"));
            fixture.givenNoPriorActivity()
                    .when(proposal(DRIVING_LICENCE, VEHICLES, "Fahrerlaubnis", null, 14, 15, REASON, ADMIN_A))
                    .expectException(invalidValue("filePlanKey", "required"));
        }
    }

    @Nested
    class ApproveCaseTypeChangeHandler {

        @Test
        void givenProposalByA_whenBApproves_thenApproved() {
            fixture.given(proposedBy(ADMIN_A))
                    .when(new ApproveCaseTypeChange(CHANGE, ADMIN_B))
                    .expectEvents(new CaseTypeChangeApproved(CHANGE, NOW));
        }

        @Test
        void givenProposalByA_whenAApproves_thenForbiddenFourEyes() {
            fixture.given(proposedBy(ADMIN_A))
                    .when(new ApproveCaseTypeChange(CHANGE, ADMIN_A))
                    .expectException(violation(FORBIDDEN, "four-eyes"))
                    .expectNoEvents();
        }

        @Test
        void givenProposalWithoutFingerprint_whenBApproves_thenForbiddenFourEyes() {
            fixture.given(proposed(PROPOSED_AT))
                    .when(new ApproveCaseTypeChange(CHANGE, ADMIN_B))
                    .expectException(violation(FORBIDDEN, "four-eyes"))
                    .expectNoEvents();
        }

        @Test
        void givenProposalByA_whenTheDpoApproves_thenForbiddenAdminOnly() {
            fixture.given(proposedBy(ADMIN_A))
                    .when(new ApproveCaseTypeChange(CHANGE, DPO))
                    .expectException(violation(FORBIDDEN, "admin-only"))
                    .expectNoEvents();
        }

        @Test
        void givenApprovedChange_whenApprovedAgain_thenConflictChangeNotPending() {
            fixture.given(proposedBy(ADMIN_A), new CaseTypeChangeApproved(CHANGE, DECIDED_AT))
                    .when(new ApproveCaseTypeChange(CHANGE, ADMIN_B))
                    .expectException(violation(CONFLICT, "change-not-pending"))
                    .expectNoEvents();
        }
    }

    @Nested
    class RejectCaseTypeChangeHandler {

        @Test
        void givenProposalByA_whenBRejects_thenRejectedWithReason() {
            fixture.given(proposedBy(ADMIN_A))
                    .when(new RejectCaseTypeChange(CHANGE, "  Aktenplan prüfen  ", ADMIN_B))
                    .expectEvents(new CaseTypeChangeRejected(CHANGE, "Aktenplan prüfen", NOW));
        }

        @Test
        void givenProposalByA_whenARejects_thenForbiddenFourEyes() {
            fixture.given(proposedBy(ADMIN_A))
                    .when(new RejectCaseTypeChange(CHANGE, "nein", ADMIN_A))
                    .expectException(violation(FORBIDDEN, "four-eyes"))
                    .expectNoEvents();
        }

        @Test
        void givenRejectedChange_whenApproved_thenConflictChangeNotPending() {
            fixture.given(proposedBy(ADMIN_A), new CaseTypeChangeRejected(CHANGE, "nein", DECIDED_AT))
                    .when(new ApproveCaseTypeChange(CHANGE, ADMIN_B))
                    .expectException(violation(CONFLICT, "change-not-pending"))
                    .expectNoEvents();
        }
    }

    @Nested
    class AttachCaseTypeChangeOpinionHandler {

        @Test
        void givenApprovedChange_whenTheDpoAttachesAnOpinion_thenAttached() {
            fixture.given(proposedBy(ADMIN_A), new CaseTypeChangeApproved(CHANGE, DECIDED_AT))
                    .when(new AttachCaseTypeChangeOpinion(CHANGE, " Keine Bedenken. ", DPO))
                    .expectEvents(new CaseTypeChangeOpinionAttached(CHANGE, "Keine Bedenken.", NOW));
        }

        @Test
        void givenProposal_whenAnAdminAttachesAnOpinion_thenForbiddenDpoOnly() {
            fixture.given(proposedBy(ADMIN_A))
                    .when(new AttachCaseTypeChangeOpinion(CHANGE, "passt", ADMIN_B))
                    .expectException(violation(FORBIDDEN, "dpo-only"))
                    .expectNoEvents();
        }
    }
}
