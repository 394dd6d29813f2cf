package de.eakte.core.cases;

import de.eakte.core.catalogue.CaseTypeCode;
import de.eakte.core.catalogue.Catalogue;
import de.eakte.core.catalogue.Confidentiality;
import de.eakte.core.catalogue.DisposalKind;
import de.eakte.core.crypto.FieldSealer;
import de.eakte.core.crypto.InMemoryDataKeys;
import de.eakte.core.crypto.KeyId;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.OfficeCode;
import de.eakte.core.shared.Role;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;

import static de.eakte.core.shared.DomainRuleViolation.Kind.CONFLICT;
import static de.eakte.core.shared.DomainRuleViolation.Kind.FORBIDDEN;
import static de.eakte.core.shared.DomainRuleViolation.Kind.INVALID;
import static de.eakte.core.shared.RuleMatchers.invalidValue;
import static de.eakte.core.shared.RuleMatchers.violation;

class CaseLegalHoldTest {

    private static final Instant NOW = Instant.parse("2037-02-01T09:00:00Z");
    private static final Instant OPENED_AT = Instant.parse("2026-03-02T08:00:00Z");
    private static final CaseId CASE = CaseId.of("7a1d5e2c-3b4f-4c6d-8e9f-0a1b2c3d4e5f");
    private static final CitizenId CITIZEN = CitizenId.of("3f2b8c1e-0c4a-4f7e-9d2a-5b6c7d8e9f01");
    private static final OfficeCode RESIDENTS = Catalogue.RESIDENTS_REGISTRATION;
    private static final Actor CLERK = Actor.staff("clerk-mueller", RESIDENTS);
    private static final String REASON = "Klageverfahren VG Köln 3 K 123/26";
    private static final FieldSealer SEALER = new FieldSealer(new InMemoryDataKeys(new Random(7)), nonce -> { });

    private AggregateTestFixture<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Case.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static CaseOpened opened() {
        return new CaseOpened(CASE, CITIZEN, FileReference.parse("33-122.20-000042-2026"), RESIDENTS,
                CaseTypeCode.of("identity-card"),
                SEALER.seal(KeyId.ofCase(CITIZEN, CASE), CASE.toString(), CaseFields.SUBJECT, "Antrag"),
                Confidentiality.NORMAL, LocalDate.of(2026, 3, 23), OPENED_AT, 10, DisposalKind.V);
    }

    private static CaseClosed closed() {
        return new CaseClosed(CASE, CaseStatus.OPEN, OPENED_AT.plusSeconds(3600), LocalDate.of(2036, 12, 31), DisposalKind.V);
    }

    @Test
    void givenClosedCase_whenOwningOfficePlacesHold_thenHoldPlacedWithReasonAndNewVersion() {
        fixture.given(opened(), closed())
                .when(new PlaceLegalHold(CASE, "  " + REASON + " ", CLERK, 1L))
                .expectEvents(new LegalHoldPlaced(CASE, REASON, NOW))
                .expectResultMessagePayload(2L);
    }

    @Test
    void givenOpenCase_whenOwningOfficePlacesHold_thenHoldPlaced() {
        fixture.given(opened())
                .when(new PlaceLegalHold(CASE, REASON, CLERK, null))
                .expectEvents(new LegalHoldPlaced(CASE, REASON, NOW));
    }

    @Test
    void givenCaseUnderHold_whenPlacingAnother_thenConflict() {
        fixture.given(opened(), closed(), new LegalHoldPlaced(CASE, REASON, OPENED_AT))
                .when(new PlaceLegalHold(CASE, "Strafverfahren StA Köln", CLERK, null))
                .expectException(violation(CONFLICT, "legal-hold-unchanged"))
                .expectNoEvents();
    }

    @Test
    void givenStaffOfAnotherOffice_whenPlacingHold_thenForbidden() {
        fixture.given(opened(), closed())
                .when(new PlaceLegalHold(CASE, REASON, Actor.staff("clerk-schmidt", new OfficeCode("50")), null))
                .expectException(violation(FORBIDDEN, "owning-office-only"))
                .expectNoEvents();
    }

    @Test
    void givenAdmin_whenPlacingHold_thenForbidden() {
        fixture.given(opened(), closed())
                .when(new PlaceLegalHold(CASE, REASON, new Actor(Role.ADMIN, "anna", null), null))
                .expectException(violation(FORBIDDEN, "owning-office-only"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void givenClosedCase_whenPlacingHoldWithoutReason_thenRejected(String reason) {
        fixture.given(opened(), closed())
                .when(new PlaceLegalHold(CASE, reason, CLERK, null))
                .expectException(invalidValue("reason", "required"))
                .expectNoEvents();
    }

    @Test
    void givenClosedCase_whenPlacingHoldWithOverlongReason_thenRejected() {
        fixture.given(opened(), closed())
                .when(new PlaceLegalHold(CASE, "x".repeat(Case.LEGAL_HOLD_REASON_MAX + 1), CLERK, null))
                .expectException(invalidValue("reason", "max-length"))
                .expectNoEvents();
    }

    @Test
    void givenClosedCase_whenPlacingHoldWithMultiLineReason_thenRejected() {
        fixture.given(opened(), closed())
                .when(new PlaceLegalHold(CASE, "Klageverfahren\nVG Köln", CLERK, null))
                .expectException(violation(INVALID, "one-line", "reason"))
                .expectNoEvents();
    }

    @Test
    void givenCaseUnderHold_whenOwningOfficeLiftsIt_thenHoldLifted() {
        fixture.given(opened(), closed(), new LegalHoldPlaced(CASE, REASON, OPENED_AT))
                .when(new LiftLegalHold(CASE, "Verfahren rechtskräftig abgeschlossen", CLERK, 2L))
                .expectEvents(new LegalHoldLifted(CASE, "Verfahren rechtskräftig abgeschlossen", NOW))
                .expectResultMessagePayload(3L);
    }

    @Test
    void givenCaseWithoutHold_whenLiftingHold_thenConflict() {
        fixture.given(opened(), closed())
                .when(new LiftLegalHold(CASE, "Verfahren beendet", CLERK, null))
                .expectException(violation(CONFLICT, "no-legal-hold"))
                .expectNoEvents();
    }

    @Test
    void givenHoldPlacedAndLifted_whenPlacingAgain_thenHoldPlaced() {
        fixture.given(opened(), closed(), new LegalHoldPlaced(CASE, REASON, OPENED_AT),
                        new LegalHoldLifted(CASE, "Verfahren beendet", OPENED_AT.plusSeconds(60)))
                .when(new PlaceLegalHold(CASE, "Berufung OVG NRW", CLERK, null))
                .expectEvents(new LegalHoldPlaced(CASE, "Berufung OVG NRW", NOW));
    }

    @Test
    void givenCaseUnderHold_whenStaffOfAnotherOfficeLifts_thenForbidden() {
        fixture.given(opened(), closed(), new LegalHoldPlaced(CASE, REASON, OPENED_AT))
                .when(new LiftLegalHold(CASE, "Verfahren beendet", Actor.staff("bob", new OfficeCode("32")), null))
                .expectException(violation(FORBIDDEN, "owning-office-only"))
                .expectNoEvents();
    }

    @Test
    void givenCaseUnderHold_whenLiftingWithoutReason_thenRejected() {
        fixture.given(opened(), closed(), new LegalHoldPlaced(CASE, REASON, OPENED_AT))
                .when(new LiftLegalHold(CASE, " ", CLERK, null))
                .expectException(invalidValue("reason", "required"))
                .expectNoEvents();
    }
}
