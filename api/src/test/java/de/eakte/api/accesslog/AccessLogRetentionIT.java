package de.eakte.api.accesslog;

import de.eakte.api.access.AccessLogKeyShredder;
import de.eakte.api.access.BreakGlassRegistry;
import de.eakte.api.support.PlaintextScan;
import de.eakte.api.support.PostgresApiTest;
import de.eakte.core.access.AccessOutcome;
import de.eakte.core.access.AccessRecord;
import de.eakte.core.access.AccessRecorder;
import de.eakte.core.access.Channel;
import de.eakte.core.access.DataCategory;
import de.eakte.core.access.SearchRecord;
import de.eakte.core.access.SearchScope;
import de.eakte.core.crypto.KeyId;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.OfficeCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Access-log retention on PostgreSQL with the shared clock: an entry and a search of a month whose
 * retention (BMG: 12 months after the month) has ended and a recent entry of the same citizen are
 * recorded; destroying the expired keys removes the old entry from the citizen's and the DPO's log,
 * keeps the recent one, deletes a break-glass grant of that time (default class, two years), keeps
 * every event in the store, and no table holds a sealed field in clear.
 */
class AccessLogRetentionIT extends PostgresApiTest {

    @Autowired
    private AccessRecorder recorder;

    @Autowired
    private AccessLogKeyShredder shredder;

    @Autowired
    private BreakGlassRegistry breakGlass;

    @Test
    void givenAnOldAndARecentEntry_whenExpiredKeysAreDestroyed_thenOnlyTheOldLeavesBothLogs() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        CitizenId citizen = CitizenId.random();
        Instant now = clock.instant();
        Instant old = now.minus(Duration.ofDays(3 * 366));
        UUID oldAccess = UUID.randomUUID();
        UUID recentAccess = UUID.randomUUID();
        List<String> secrets = List.of("oldactor" + run, "altgrund" + run, "newactor" + run, "neugrund" + run,
                "suchname" + run, "glasactor" + run, "Notfall glasgrund" + run);
        try {
            clock.set(old);
            recorder.record(entry(oldAccess, old, citizen, "oldactor" + run, "altgrund" + run));
            recorder.recordSearch(new SearchRecord(UUID.randomUUID(), old, Actor.staff("oldactor" + run,
                            new OfficeCode("33")), SearchScope.CITIZENS, "query=suchname" + run, AccessOutcome.GRANTED,
                            "search", 0, "BMG-34", "BMG § 34", "altgrund" + run, null), List.of());
            assertThat(breakGlass.open(Actor.staff("glasactor" + run, new OfficeCode("32")), citizen,
                    "Notfall glasgrund" + run, 3, null)).isPresent();
        } finally {
            clock.set(now);
        }
        recorder.record(entry(recentAccess, now, citizen, "newactor" + run, "neugrund" + run));
        await().atMost(Duration.ofSeconds(15)).until(() -> rows("citizen_access_log", citizen) == 2
                && rows("dpo_access_log", citizen) == 2);
        long events = countEvents();

        List<KeyId> destroyed = shredder.destroyExpired();

        KeyId oldKey = KeyId.accessPeriod("bmg", YearMonth.from(old.atZone(ZoneId.of("Europe/Berlin"))));
        assertThat(destroyed).contains(oldKey)
                .doesNotContain(KeyId.accessPeriod("bmg", YearMonth.from(now.atZone(ZoneId.of("Europe/Berlin")))));
        await().atMost(Duration.ofSeconds(15)).until(() -> rows("citizen_access_log", citizen) == 1
                && rows("dpo_access_log", citizen) == 1);
        assertThat(jdbc.queryForObject("SELECT access_id FROM citizen_access_log WHERE citizen_id = ?", String.class,
                citizen.toString())).isEqualTo(recentAccess.toString());
        assertThat(jdbc.queryForObject("SELECT access_id FROM dpo_access_log WHERE citizen_id = ?", String.class,
                citizen.toString())).isEqualTo(recentAccess.toString());
        assertThat(countEvents()).as("the events stay, one more records the destruction").isEqualTo(events + 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM break_glass_grant WHERE citizen_id = ?", Integer.class,
                citizen.toString())).as("the old break-glass grant is forgotten with its period").isZero();
        assertThat(shredder.destroyExpired()).as("nothing left to destroy").doesNotContain(oldKey);
        assertThat(PlaintextScan.findings(jdbc, "public", secrets)).isEmpty();
    }

    private static AccessRecord entry(UUID id, Instant at, CitizenId citizen, String subject, String reason) {
        return new AccessRecord(id, at, Actor.staff(subject, new OfficeCode("33")), citizen, AccessOutcome.GRANTED,
                "purpose", Set.of(DataCategory.MASTER_DATA), List.of(), "BMG-34", "BMG § 34", reason, null, false,
                Channel.REST, null);
    }

    private int rows(String table, CitizenId citizen) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE citizen_id = ?", Integer.class,
                citizen.toString());
    }

    private long countEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }
}
