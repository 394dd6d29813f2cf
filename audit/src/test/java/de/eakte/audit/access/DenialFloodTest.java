package de.eakte.audit.access;

import de.eakte.core.access.AccessOutcome;
import de.eakte.core.access.AccessRecord;
import de.eakte.core.access.Channel;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.OfficeCode;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DenialFloodTest {

    private static final Actor MALLORY = Actor.staff("mallory", new OfficeCode("32"));
    private static final Actor ALICE = Actor.staff("alice", new OfficeCode("32"));
    private static final CitizenId ONE = CitizenId.of("0b0f4c1e-2d3a-4b5c-8d6e-7f8091a2b3c4");
    private static final CitizenId TWO = CitizenId.of("1c1f4c1e-2d3a-4b5c-8d6e-7f8091a2b3c4");

    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-21T09:00:00Z"));
    private final DenialFlood flood = new DenialFlood(clock, 3, Duration.ofMinutes(1), 2);

    @Test
    void theFirstDenialsOfAWindowAreRecordedOneByOneTheRestCounted() {
        List<Boolean> individually = IntStream.range(0, 7)
                .mapToObj(i -> flood.recordIndividually(denied(MALLORY, i % 2 == 0 ? ONE : TWO, "purpose-required")))
                .toList();

        assertThat(individually).containsExactly(true, true, true, false, false, false, false);
        assertThat(flood.takeReady(false)).as("the window has not ended").isEmpty();

        clock.advance(Duration.ofSeconds(60));
        List<DenialFlood.Flood> ready = flood.takeReady(false);
        assertThat(ready).singleElement().satisfies(f -> {
            assertThat(f.actor()).isEqualTo(MALLORY);
            assertThat(f.attempts()).isEqualTo(4);
            assertThat(f.citizens()).containsOnlyKeys(TWO, ONE);
            assertThat(f.citizens().get(TWO).attempts()).isEqualTo(2);
            assertThat(f.citizens().get(ONE).rules()).isEqualTo(Map.of("purpose-required", 2));
        });
        assertThat(flood.takeReady(false)).as("handed out once").isEmpty();
    }

    @Test
    void grantedReadsAreNeverCountedAndCallersAreCountedApart() {
        IntStream.range(0, 3).forEach(i -> flood.recordIndividually(denied(MALLORY, ONE, "purpose-required")));

        assertThat(flood.recordIndividually(granted(MALLORY))).isTrue();
        assertThat(flood.recordIndividually(denied(ALICE, ONE, "purpose-required"))).as("another caller").isTrue();
        assertThat(flood.recordIndividually(denied(MALLORY, ONE, "case-not-visible"))).isFalse();
    }

    @Test
    void aNewWindowStartsAfterTheOldOneEndedAndItsFloodIsReady() {
        IntStream.range(0, 5).forEach(i -> flood.recordIndividually(denied(MALLORY, ONE, "purpose-required")));
        clock.advance(Duration.ofSeconds(61));

        assertThat(flood.recordIndividually(denied(MALLORY, ONE, "purpose-required"))).as("new window").isTrue();
        assertThat(flood.takeReady(false)).singleElement()
                .satisfies(f -> assertThat(f.attempts()).isEqualTo(2));
    }

    @Test
    void aFloodThatWouldHoldMoreCitizensThanTheCapIsClosedAndANewOneBegins() {
        IntStream.range(0, 3).forEach(i -> flood.recordIndividually(denied(MALLORY, ONE, "purpose-required")));
        flood.recordIndividually(denied(MALLORY, ONE, "purpose-required"));
        flood.recordIndividually(denied(MALLORY, TWO, "purpose-required"));
        flood.recordIndividually(denied(MALLORY, CitizenId.of(UUID.randomUUID().toString()), "purpose-required"));

        List<DenialFlood.Flood> ready = flood.takeReady(false);
        assertThat(ready).as("the full flood, before its window ended").singleElement()
                .satisfies(f -> assertThat(f.citizens()).containsOnlyKeys(ONE, TWO));
        assertThat(flood.takeReady(true)).as("on shutdown, the open one").singleElement()
                .satisfies(f -> assertThat(f.citizens()).hasSize(1));
    }

    @Test
    void aFloodThatCouldNotBeStoredIsHandedOutAgain() {
        IntStream.range(0, 4).forEach(i -> flood.recordIndividually(denied(MALLORY, ONE, "purpose-required")));
        DenialFlood.Flood taken = flood.takeReady(true).get(0);

        flood.retry(taken);

        assertThat(flood.takeReady(false)).containsExactly(taken);
    }

    @Test
    void refusesAThresholdWindowOrCapThatIsNotPositive() {
        assertThatThrownBy(() -> new DenialFlood(clock, 0, Duration.ofMinutes(1), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DenialFlood(clock, 1, Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DenialFlood(clock, 1, Duration.ofMinutes(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private AccessRecord denied(Actor actor, CitizenId citizen, String rule) {
        return new AccessRecord(UUID.randomUUID(), clock.instant(), actor, citizen, AccessOutcome.DENIED, rule,
                Set.of(), List.of(), null, Channel.REST, null);
    }

    private AccessRecord granted(Actor actor) {
        return new AccessRecord(UUID.randomUUID(), clock.instant(), actor, ONE, AccessOutcome.GRANTED, "case-context",
                Set.of(), List.of(), null, Channel.REST, null);
    }

    /** A clock that moves only when told to. */
    private static final class SteppingClock extends Clock {
        private Instant now;

        SteppingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
