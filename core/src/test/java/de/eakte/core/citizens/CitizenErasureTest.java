package de.eakte.core.citizens;

import de.eakte.core.crypto.FieldSealer;
import de.eakte.core.crypto.InMemoryDataKeys;
import de.eakte.core.crypto.KeyId;
import de.eakte.core.crypto.Opened;
import de.eakte.core.crypto.Sealed;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.DomainRuleViolation;
import de.eakte.core.shared.OfficeCode;
import de.eakte.core.shared.Role;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import static de.eakte.core.shared.DomainRuleViolation.Kind.CONFLICT;
import static de.eakte.core.shared.DomainRuleViolation.Kind.FORBIDDEN;
import static de.eakte.core.shared.DomainRuleViolation.Kind.GONE;
import static de.eakte.core.shared.RuleMatchers.violation;
import static org.assertj.core.api.Assertions.assertThat;

class CitizenErasureTest {

    /** 10:00 in Berlin on 10 March 2026. */
    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final CitizenId CITIZEN = CitizenId.of("3f2b8c1e-0c4a-4f7e-9d2a-5b6c7d8e9f01");
    private static final CaseId CASE = CaseId.of("0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e");
    private static final Actor SELF = new Actor(Role.CITIZEN, "buerger-erika", null);
    private static final Actor CLERK = Actor.staff("clerk-mueller", OfficeCode.of("33"));
    private static final Actor OTHER_CLERK = Actor.staff("clerk-schulz", OfficeCode.of("33"));
    private static final Actor TRADE_CLERK = Actor.staff("clerk-gewerbe", OfficeCode.of("32"));
    private static final Actor DPO = new Actor(Role.DPO, "dora", null);
    private static final MasterData ERIKA = new MasterData("Mustermann", "Erika", null, LocalDate.of(1964, 8, 12),
            "München", null);
    private static final Address HOME = new Address("Heidestraße", "17", Postcode.of("51147"), "Köln");

    private final InMemoryDataKeys keys = new InMemoryDataKeys(new Random(7));
    private final FieldSealer sealer = new FieldSealer(keys, nonce -> { });
    private RetentionFacts.Retention retention = new RetentionFacts.Retention(0, 0, null);
    private AggregateTestFixture<CitizenFile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CitizenFile.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(sealer);
        fixture.registerInjectableResource((RetentionFacts) citizen -> retention);
        fixture.registerInjectableResource(keys);
    }

    private CitizenFileOpened opened() {
        return new CitizenFileOpened(CITIZEN,
                sealer.seal(KeyId.citizen(CITIZEN), CITIZEN.toString(), CitizenFields.MASTER_DATA, ERIKA),
                sealer.seal(KeyId.citizen(CITIZEN), CITIZEN.toString(), CitizenFields.ADDRESS, HOME),
                Instant.parse("2020-01-01T00:00:00Z"));
    }

    private Sealed sealed(de.eakte.core.crypto.PersonalField<String> field, String text) {
        return sealer.seal(KeyId.citizen(CITIZEN), CITIZEN.toString(), field, text);
    }

    @Test
    void givenNoRetention_whenTheCitizenAsks_thenRequestAwaitsTheDecision() {
        fixture.given(opened())
                .when(new RequestErasure(CITIZEN, SELF))
                .expectEvents(new ErasureRequested(CITIZEN, Role.CITIZEN, null, NOW))
                .expectResultMessagePayload(new CitizenFile.ErasureOutcome(true, false, TODAY, 1));
    }

    @Test
    void givenAClosedCaseUnderRetention_whenTheCitizenAsks_thenRestrictedUntilTheDayAfterRetentionEnds() {
        retention = new RetentionFacts.Retention(0, 0, LocalDate.of(2036, 12, 31));

        fixture.given(opened())
                .when(new RequestErasure(CITIZEN, SELF))
                .expectEvents(new ErasureRequested(CITIZEN, Role.CITIZEN, null, NOW),
                        new ProcessingRestricted(CITIZEN, LocalDate.of(2037, 1, 1), NOW))
                .expectResultMessagePayload(new CitizenFile.ErasureOutcome(false, true, LocalDate.of(2037, 1, 1), 2));
    }

    @Test
    void givenAnOpenCase_whenStaffAsksOnTheirBehalf_thenRestrictedWithoutADate() {
        retention = new RetentionFacts.Retention(1, 0, null);

        fixture.given(opened())
                .when(new RequestErasure(CITIZEN, TRADE_CLERK))
                .expectEvents(new ErasureRequested(CITIZEN, Role.STAFF, "clerk-gewerbe", NOW),
                        new ProcessingRestricted(CITIZEN, null, NOW));
    }

    @Test
    void givenALegalHold_thenRetentionBindsWhateverTheDates() {
        RetentionFacts.Retention held = new RetentionFacts.Retention(0, 1, LocalDate.of(2001, 12, 31));

        assertThat(held.binds(TODAY)).isTrue();
        assertThat(held.earliestErasureOn(TODAY)).isNull();
        assertThat(new RetentionFacts.Retention(0, 0, TODAY).earliestErasureOn(TODAY)).isEqualTo(TODAY.plusDays(1));
        assertThat(new RetentionFacts.Retention(0, 0, TODAY.minusDays(1)).binds(TODAY)).isFalse();
    }

    @Test
    void givenAPendingRequest_whenAskedAgain_thenConflict() {
        fixture.given(opened(), new ErasureRequested(CITIZEN, Role.CITIZEN, null, NOW))
                .when(new RequestErasure(CITIZEN, SELF))
                .expectException(violation(CONFLICT, "erasure-pending"));
    }

    @Test
    void givenAPendingRequest_whenTheDpoGivesAnOpinion_thenItIsSealed() {
        fixture.given(opened(), new ErasureRequested(CITIZEN, Role.CITIZEN, null, NOW))
                .when(new GiveErasureOpinion(CITIZEN, "Keine Bedenken.", DPO))
                .expectEvents(new ErasureOpinionGiven(CITIZEN, sealed(CitizenFields.ERASURE_OPINION, "Keine Bedenken."), NOW));
    }

    @Test
    void givenAPendingRequest_whenStaffGivesTheOpinion_thenForbidden() {
        fixture.given(opened(), new ErasureRequested(CITIZEN, Role.CITIZEN, null, NOW))
                .when(new GiveErasureOpinion(CITIZEN, "Keine Bedenken.", CLERK))
                .expectException(violation(FORBIDDEN, "dpo-only"));
    }

    @Test
    void givenAPendingRequest_whenTheRegistrationOfficeErases_thenTheWholeKeyFamilyIsDestroyed() {
        Sealed subject = sealer.seal(KeyId.ofCase(CITIZEN, CASE), CASE.toString(), CitizenFields.ERASURE_OPINION, "Akte");
        CitizenFileOpened opened = opened();

        fixture.given(opened, new ErasureRequested(CITIZEN, Role.CITIZEN, null, NOW))
                .when(new DecideErasure(CITIZEN, true, null, CLERK))
                .expectEvents(new CitizenErased(CITIZEN, List.of(KeyId.citizen(CITIZEN), KeyId.ofCase(CITIZEN, CASE)), NOW))
                .expectResultMessagePayload(new CitizenFile.ErasureOutcome(true, false, TODAY, 2));

        assertThat(sealer.open(opened.masterData(), CITIZEN.toString(), CitizenFields.MASTER_DATA))
                .isInstanceOf(Opened.Redacted.class);
        assertThat(sealer.open(subject, CASE.toString(), CitizenFields.ERASURE_OPINION).isRedacted()).isTrue();
    }

    @Test
    void givenRetentionBegunSinceTheRequest_whenErasing_thenRestrictedAndNoKeyDestroyed() {
        CitizenFileOpened opened = opened();
        retention = new RetentionFacts.Retention(1, 0, null);

        fixture.given(opened, new ErasureRequested(CITIZEN, Role.CITIZEN, null, NOW))
                .when(new DecideErasure(CITIZEN, true, null, CLERK))
                .expectEvents(new ProcessingRestricted(CITIZEN, null, NOW));

        assertThat(sealer.open(opened.masterData(), CITIZEN.toString(), CitizenFields.MASTER_DATA).value()).contains(ERIKA);
    }

    @Test
    void givenAPendingRequest_whenRejectedWithAReason_thenTheReasonIsSealed() {
        fixture.given(opened(), new ErasureRequested(CITIZEN, Role.CITIZEN, null, NOW))
                .when(new DecideErasure(CITIZEN, false, "Offene Forderung der Stadtkasse", CLERK))
                .expectEvents(new ErasureRejected(CITIZEN, sealed(CitizenFields.ERASURE_REJECTION,
                        "Offene Forderung der Stadtkasse"), NOW));
    }

    @Test
    void givenAStaffRequest_whenTheSameStaffMemberDecides_thenFourEyesRefuse() {
        fixture.given(opened(), new ErasureRequested(CITIZEN, Role.STAFF, "clerk-mueller", NOW))
                .when(new DecideErasure(CITIZEN, true, null, CLERK))
                .expectException(violation(FORBIDDEN, "four-eyes"));
        fixture.given(opened(), new ErasureRequested(CITIZEN, Role.STAFF, "clerk-mueller", NOW))
                .when(new DecideErasure(CITIZEN, true, null, OTHER_CLERK))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void givenAPendingRequest_whenAnotherOfficeDecides_thenForbidden() {
        fixture.given(opened(), new ErasureRequested(CITIZEN, Role.CITIZEN, null, NOW))
                .when(new DecideErasure(CITIZEN, true, null, TRADE_CLERK))
                .expectException(violation(FORBIDDEN, "erasure-decided-by-controller"));
    }

    @Test
    void givenNoRequest_whenDeciding_thenConflict() {
        fixture.given(opened())
                .when(new DecideErasure(CITIZEN, true, null, CLERK))
                .expectException(violation(CONFLICT, "no-erasure-pending"));
    }

    @Test
    void givenAnErasedFile_whenAnythingIsAsked_thenGone() {
        fixture.given(opened(), new ErasureRequested(CITIZEN, Role.CITIZEN, null, NOW),
                        new CitizenErased(CITIZEN, List.of(KeyId.citizen(CITIZEN)), NOW))
                .when(new RecordMove(CITIZEN, HOME, TODAY, CLERK, null))
                .expectException(violation(GONE, "citizen-erased"));
        fixture.given(opened(), new CitizenErased(CITIZEN, List.of(KeyId.citizen(CITIZEN)), NOW))
                .when(new RequestErasure(CITIZEN, SELF))
                .expectException(violation(GONE, "citizen-erased"));
    }

    @Test
    void givenAFile_whenAnAdminAsksForErasure_thenForbidden() {
        fixture.given(opened())
                .when(new RequestErasure(CITIZEN, new Actor(Role.ADMIN, "root", null)))
                .expectException(violation(FORBIDDEN, "erasure-requester"));
    }
}
