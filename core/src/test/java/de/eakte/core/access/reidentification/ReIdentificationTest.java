package de.eakte.core.access.reidentification;

import de.eakte.core.catalogue.Catalogue;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.Fingerprints;
import de.eakte.core.shared.Role;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static de.eakte.core.shared.DomainRuleViolation.Kind.CONFLICT;
import static de.eakte.core.shared.DomainRuleViolation.Kind.FORBIDDEN;
import static de.eakte.core.shared.RuleMatchers.invalidValue;
import static de.eakte.core.shared.RuleMatchers.violation;

class ReIdentificationTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");
    private static final Instant REQUESTED_AT = Instant.parse("2026-11-20T15:30:00Z");
    private static final ReIdentificationId ID = ReIdentificationId.of("8b9c0d1e-2f3a-4b5c-9d6e-7f8091a2b3c4");
    private static final String PSEUDONYM = "P-0123456789ab";
    private static final String REASON = "Auffällige Zugriffe am Sonntag, Hinweis des Personalrats";
    private static final Actor DORA = new Actor(Role.DPO, "dpo-dora", null);
    private static final Actor DIRK = new Actor(Role.DPO, "dpo-dirk", null);
    private static final Actor CLERK = Actor.staff("clerk-mueller", Catalogue.VEHICLE_REGISTRATION);

    private AggregateTestFixture<ReIdentification> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReIdentification.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static ReIdentificationRequested requestedBy(Actor actor) {
        return new ReIdentificationRequested(ID, PSEUDONYM, REASON, Fingerprints.of(ID, actor), REQUESTED_AT);
    }

    @Test
    void givenNothing_whenADpoRequests_thenRequestedWithTheirFingerprint() {
        fixture.givenNoPriorActivity()
                .when(new RequestReIdentification(ID, PSEUDONYM, REASON, DORA))
                .expectEvents(new ReIdentificationRequested(ID, PSEUDONYM, REASON, Fingerprints.of(ID, DORA), NOW));
    }

    @Test
    void givenNothing_whenStaffRequests_thenForbiddenDpoOnly() {
        fixture.givenNoPriorActivity()
                .when(new RequestReIdentification(ID, PSEUDONYM, REASON, CLERK))
                .expectNoEvents().expectException(violation(FORBIDDEN, "dpo-only"));
    }

    @Test
    void givenNothing_whenTheReasonIsShortOrThePseudonymMalformed_thenInvalid() {
        fixture.givenNoPriorActivity()
                .when(new RequestReIdentification(ID, PSEUDONYM, "weil", DORA))
                .expectNoEvents().expectException(invalidValue("reason", "too-short"));
        fixture.givenNoPriorActivity()
                .when(new RequestReIdentification(ID, "clerk-mueller", REASON, DORA))
                .expectNoEvents().expectException(invalidValue("pseudonym", "pseudonym"));
    }

    @Test
    void givenARequest_whenTheSameDpoApproves_thenForbiddenFourEyes() {
        fixture.given(requestedBy(DORA))
                .when(new ApproveReIdentification(ID, null, DORA))
                .expectNoEvents().expectException(violation(FORBIDDEN, "four-eyes"));
    }

    @Test
    void givenARequest_whenASecondDpoApproves_thenApproved() {
        fixture.given(requestedBy(DORA))
                .when(new ApproveReIdentification(ID, "Personalrat beteiligt", DIRK))
                .expectEvents(new ReIdentificationApproved(ID, "Personalrat beteiligt", NOW));
    }

    @Test
    void givenARequest_whenStaffApproves_thenForbiddenDpoOnly() {
        fixture.given(requestedBy(DORA))
                .when(new ApproveReIdentification(ID, null, CLERK))
                .expectNoEvents().expectException(violation(FORBIDDEN, "dpo-only"));
    }

    @Test
    void givenARejection_whenApprovedAfterwards_thenConflictNotPending() {
        fixture.given(requestedBy(DORA), new ReIdentificationRejected(ID, "kein hinreichender Anlass", NOW))
                .when(new ApproveReIdentification(ID, null, DIRK))
                .expectNoEvents().expectException(violation(CONFLICT, "re-identification-not-pending"));
    }

    @Test
    void givenAnApproval_whenTheRequesterLooks_thenRevealedAndRecorded() {
        fixture.given(requestedBy(DORA), new ReIdentificationApproved(ID, null, NOW))
                .when(new RevealReIdentification(ID, DORA))
                .expectEvents(new ReIdentificationRevealed(ID, PSEUDONYM, NOW))
                .expectResultMessagePayload(new RevealReIdentification.Result(ID, PSEUDONYM, REASON,
                        ReIdentificationStatus.APPROVED, REQUESTED_AT, NOW, true, true));
    }

    @Test
    void givenAnApproval_whenTheApproverLooks_thenTheStateButNoReveal() {
        fixture.given(requestedBy(DORA), new ReIdentificationApproved(ID, null, NOW))
                .when(new RevealReIdentification(ID, DIRK))
                .expectNoEvents()
                .expectResultMessagePayload(new RevealReIdentification.Result(ID, PSEUDONYM, REASON,
                        ReIdentificationStatus.APPROVED, REQUESTED_AT, NOW, false, false));
    }

    @Test
    void givenAPendingRequest_whenTheRequesterLooks_thenNoReveal() {
        fixture.given(requestedBy(DORA))
                .when(new RevealReIdentification(ID, DORA))
                .expectNoEvents()
                .expectResultMessagePayload(new RevealReIdentification.Result(ID, PSEUDONYM, REASON,
                        ReIdentificationStatus.PENDING, REQUESTED_AT, null, true, false));
    }
}
