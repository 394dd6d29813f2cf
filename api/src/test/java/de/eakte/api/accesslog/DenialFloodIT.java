package de.eakte.api.accesslog;

import de.eakte.api.support.Http;
import de.eakte.api.support.PostgresApiTest;
import de.eakte.api.support.StoredEvents;
import de.eakte.audit.access.DenialFloodRecorder;
import de.eakte.audit.log.DpoAccessLogProjection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static de.eakte.api.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A flood of denied reads by one staff member on PostgreSQL (docs/decisions/0008-denial-floods.md):
 * the first {@code threshold} denials of the window are stored one by one, the rest are answered
 * the same but only counted; once the window has ended (the shared clock moved past it, then set
 * back) one entry per citizen stands for them, as the next link of the citizen's chain. The citizen
 * sees it with its number of attempts, the DPO in the log and in the anomaly report; the staff
 * member's subject is in no stored row in clear.
 */
class DenialFloodIT extends PostgresApiTest {

    private static final String AGGREGATED = "de.eakte.core.access.AccessDenialsAggregated";

    @Value("${eakte.access.denial-flood.threshold:20}")
    private int threshold;

    @Autowired
    private DpoAccessLogProjection dpoView;

    @Autowired
    private DenialFloodRecorder floods;

    private StoredEvents events;
    private String run;
    private Instant before;

    @BeforeEach
    void setUp() {
        events = new StoredEvents(jdbc);
        run = UUID.randomUUID().toString().substring(0, 8);
        before = clock.instant();
    }

    @AfterEach
    void clockBack() {
        // the context and its clock are shared by every IT: leave it as it was
        clock.set(before);
    }

    @Test
    void givenDenialsPastTheThreshold_whenTheWindowEnds_thenOneEntryPerCitizenStandsForTheRest() {
        String registrar = staffToken("flood-anna-" + run, "33");
        Http.Response firstCreated = http.post("/api/citizens", citizenBody("Flut", "Erste", "1970-01-01"))
                .token(registrar).send();
        Http.Response secondCreated = http.post("/api/citizens", citizenBody("Flut", "Zweite", "1971-01-01"))
                .token(registrar).send();
        assertThat(firstCreated.status()).as(firstCreated.body()).isEqualTo(201);
        assertThat(secondCreated.status()).as(secondCreated.body()).isEqualTo(201);
        String first = firstCreated.text("citizenId");
        String second = secondCreated.text("citizenId");
        // both files are in the read model before the first request (a 404 is no decision)
        String consistency = secondCreated.header("Consistency-Token");
        String flooder = "flood-mallory-" + run;
        String mallory = staffToken(flooder, "32");
        long mark = events.mark();
        int extraOnFirst = 4;
        int extraOnSecond = 3;

        // every request is refused the same way, counted or not: no purpose, no case context
        for (int i = 0; i < threshold + extraOnFirst; i++) {
            assertProblem(http.get("/api/citizens/" + first + "/file").token(mallory)
                    .header("Consistency-Token", firstCreated.header("Consistency-Token")).send(), 403, "access-denied");
        }
        for (int i = 0; i < extraOnSecond; i++) {
            assertProblem(http.get("/api/citizens/" + second + "/file").token(mallory)
                    .header("Consistency-Token", consistency).send(), 403, "access-denied");
        }

        assertThat(events.payloadsSince(mark, StoredEvents.ACCESS_RECORDED))
                .as("only the first %d denials of the window are stored one by one", threshold)
                .hasSize(threshold)
                .allSatisfy(e -> assertThat(e.path("outcome").asString()).isEqualTo("DENIED"));
        assertThat(ours(events.payloadsSince(mark, AGGREGATED), first, second)).as("the window has not ended").isEmpty();

        clock.advance(Duration.ofMinutes(2));
        // the ticker stores ended floods every second; asking at once as well shows any failure here
        int storedNow = floods.storeReady(false);
        // other tests' callers may have floods of their own that end with this clock move: count ours
        await().alias("floods stored (" + storedNow + " by the test's own call)").atMost(Duration.ofSeconds(10))
                .until(() -> ours(events.payloadsSince(mark, AGGREGATED), first, second).size() == 2);

        List<JsonNode> stored = ours(events.payloadsSince(mark, AGGREGATED), first, second);
        JsonNode onFirst = stored.stream().filter(f -> f.path("citizenId").asString().equals(first)).findFirst()
                .orElseThrow();
        JsonNode onSecond = stored.stream().filter(f -> f.path("citizenId").asString().equals(second)).findFirst()
                .orElseThrow();
        assertThat(onFirst.path("attempts").asInt()).isEqualTo(extraOnFirst);
        assertThat(onSecond.path("attempts").asInt()).isEqualTo(extraOnSecond);
        assertThat(onFirst.path("rules").path("purpose-required").asInt()).isEqualTo(extraOnFirst);
        assertThat(onFirst.path("floodId").asString()).isEqualTo(onSecond.path("floodId").asString());
        assertThat(onSecond.path("previousHash").isNull()).as("the second citizen's first entry").isTrue();
        assertThat(onFirst.path("previousHash").asString()).as("linked to the last single denial").isNotBlank();
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM domain_event_entry WHERE global_index > ?
                  AND convert_from(payload, 'UTF8') LIKE ?""", Integer.class, mark, "%" + flooder + "%"))
                .as("the staff member is sealed in every stored entry").isZero();

        // the citizen: the single denials and one entry that stands for the rest, in one gap-free chain
        String citizen = token("citizen", "flood-citizen-" + run, null, first);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode page = http.get("/api/me/access-log?limit=100").token(citizen).send().json();
            assertThat(page.path("entries")).hasSize(threshold + 1);
        });
        JsonNode entries = http.get("/api/me/access-log?limit=100").token(citizen).send().json().path("entries");
        List<Long> sequences = new ArrayList<>();
        entries.forEach(e -> sequences.add(e.path("chainSequence").asLong()));
        assertThat(sequences).doesNotHaveDuplicates().hasSize(threshold + 1);
        JsonNode flood = null;
        for (JsonNode e : entries) {
            if (e.path("attempts").asInt() > 1) {
                flood = e;
            }
        }
        assertThat(flood).as("the entry standing for the flood").isNotNull();
        assertThat(flood.path("attempts").asInt()).isEqualTo(extraOnFirst);
        assertThat(flood.path("outcome").asString()).isEqualTo("DENIED");
        assertThat(flood.path("office").asString()).isEqualTo("32");
        assertThat(flood.path("attemptedUntil").isNull()).isFalse();
        assertThat(flood.path("chainSequence").asLong()).isEqualTo(threshold);
        assertThat(flood.toString()).doesNotContain(flooder);

        // the DPO: the flood in the log and, once, in the anomaly report
        String dpo = token("dpo", "flood-dora-" + run, null, null);
        String pseudonym = dpoView.pseudonym(flooder);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode report = http.get("/api/dpo/anomalies?from=" + before.minusSeconds(60) + "&to="
                    + clock.instant().plusSeconds(60)).token(dpo).send().json();
            List<JsonNode> mine = new ArrayList<>();
            report.path("denialFloods").path("items").forEach(f -> {
                if (f.path("staff").asString().equals(pseudonym)) {
                    mine.add(f);
                }
            });
            assertThat(mine).singleElement().satisfies(f -> {
                assertThat(f.path("attempts").asLong()).isEqualTo(extraOnFirst + extraOnSecond);
                assertThat(f.path("citizens").asInt()).isEqualTo(2);
                assertThat(f.path("office").asString()).isEqualTo("32");
            });
        });
        Http.Response log = http.get("/api/dpo/access-log?staff=" + pseudonym + "&citizen=" + first + "&limit=100")
                .token(dpo).send();
        assertThat(log.status()).as(log.body()).isEqualTo(200);
        assertThat(log.json().path("total").asLong()).isEqualTo(threshold + 1);
        JsonNode dpoFlood = null;
        for (JsonNode e : log.json().path("entries")) {
            if (e.path("attempts").asInt() > 1) {
                dpoFlood = e;
            }
        }
        assertThat(dpoFlood).isNotNull();
        assertThat(dpoFlood.path("floodRules").asString()).isEqualTo("purpose-required=" + extraOnFirst);
    }

    /** The flood entries of these citizens. */
    private static List<JsonNode> ours(List<JsonNode> floods, String... citizens) {
        List<String> wanted = List.of(citizens);
        return floods.stream().filter(f -> wanted.contains(f.path("citizenId").asString())).toList();
    }
}
