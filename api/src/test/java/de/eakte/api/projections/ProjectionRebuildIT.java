package de.eakte.api.projections;

import de.eakte.api.support.Http;
import de.eakte.api.support.PostgresApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static de.eakte.api.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding the search model over HTTP while citizens keep being written: the old generation
 * serves until the new one has caught up, and afterwards every citizen written before, during and
 * after the rebuild is found.
 */
class ProjectionRebuildIT extends PostgresApiTest {

    @Test
    void rebuildingTheSearchModelUnderConcurrentWrites_losesNoHit() throws Exception {
        String registration = staffToken("rebuild-anna", "33");
        String admin = token("admin", "rebuild-admin", null, null);
        StringBuilder letters = new StringBuilder("Umbau");
        for (int i = 0; i < 6; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        String family = letters.toString();
        List<String> written = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 20; i++) {
            written.add(createCitizen(registration, citizenBody(family, "Vor" + i, "1970-01-01")));
        }
        Integer before = jdbc.queryForObject("SELECT active FROM projection_generation WHERE projection = 'search'", Integer.class);

        ExecutorService writers = Executors.newFixedThreadPool(2);
        List<Future<?>> writing = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int writer = w;
            writing.add(writers.submit(() -> {
                for (int i = 0; i < 15; i++) {
                    written.add(createCitizen(registration, citizenBody(family, "Waehrend" + writer + "x" + i, "1971-01-01")));
                }
            }));
        }
        Http.Response started = http.post("/api/admin/projections/search/rebuild", Map.of()).token(admin).send();
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        for (Future<?> f : writing) {
            f.get();
        }
        writers.shutdown();

        JsonNode done = awaitDone(admin, "search");
        for (int i = 0; i < 5; i++) {
            written.add(createCitizen(registration, citizenBody(family, "Nach" + i, "1972-01-01")));
        }

        assertThat(done.path("lastRebuild").path("mode").asString()).isEqualTo("BESIDE");
        assertThat(done.path("progress").asString()).contains("events/s").contains("DONE");
        assertThat(done.path("lastRebuild").path("eventsDone").asLong()).isPositive();
        Integer after = jdbc.queryForObject("SELECT active FROM projection_generation WHERE projection = 'search'", Integer.class);
        assertThat(after).isGreaterThan(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM search_citizen WHERE generation <> ?", Integer.class, after))
                .as("the old generation is gone").isZero();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(found(registration, family)).containsExactlyInAnyOrderElementsOf(new HashSet<>(written)));
    }

    /**
     * The consolidated file rebuilt beside the serving one while citizens and cases keep being
     * written: a file read all along answers complete (all its cases) and never 404s, and afterwards
     * every file written before, during and after is there, read with the write's consistency token.
     */
    @Test
    void rebuildingTheConsolidatedFileUnderConcurrentWrites_readsStayCompleteAndNothingIsLost() throws Exception {
        String registration = staffToken("rebuild-clara", "33");
        String admin = token("admin", "rebuild-admin", null, null);
        String kept = createCitizen(registration, citizenBody("Bestandsakte", "Klara", "1960-01-01"));
        for (int i = 0; i < 3; i++) {
            opened(registration, kept, "identity-card", "Personalausweis " + i);
        }
        // citizen id -> the consistency token of its case
        Map<String, String> written = new java.util.concurrent.ConcurrentHashMap<>();
        for (int i = 0; i < 10; i++) {
            String id = createCitizen(registration, citizenBody("Vorher", "Paul" + i, "1970-01-01"));
            written.put(id, opened(registration, id, "identity-card", "Ausweis").header("Consistency-Token"));
        }
        Integer before = activeGeneration();
        Http.Response first = http.get("/api/citizens/" + kept + "/file").token(registration).purpose("AMTSHILFE").send();
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("cases")).hasSize(3);

        java.util.concurrent.atomic.AtomicBoolean rebuilding = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<String> incomplete = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        Future<?> reader = threads.submit(() -> {
            while (rebuilding.get()) {
                Http.Response file = http.get("/api/citizens/" + kept + "/file").token(registration).purpose("AMTSHILFE").send();
                reads.incrementAndGet();
                if (file.status() != 200 || file.json().get("cases").size() != 3) {
                    incomplete.add(file.status() + " " + file.body());
                }
            }
        });
        List<Future<?>> writing = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int writer = w;
            writing.add(threads.submit(() -> {
                for (int i = 0; i < 10; i++) {
                    String id = createCitizen(registration, citizenBody("Waehrend", "Paul" + writer + "x" + i, "1971-01-01"));
                    written.put(id, opened(registration, id, "identity-card", "Ausweis").header("Consistency-Token"));
                }
            }));
        }
        Http.Response started = http.post("/api/admin/projections/consolidated-file/rebuild", Map.of()).token(admin).send();
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        for (Future<?> f : writing) {
            f.get();
        }
        JsonNode done = awaitDone(admin, "consolidated-file");
        rebuilding.set(false);
        reader.get();
        threads.shutdown();
        for (int i = 0; i < 3; i++) {
            String id = createCitizen(registration, citizenBody("Nachher", "Paul" + i, "1972-01-01"));
            written.put(id, opened(registration, id, "identity-card", "Ausweis").header("Consistency-Token"));
        }

        assertThat(done.path("lastRebuild").path("mode").asString()).isEqualTo("BESIDE");
        System.out.println("consolidated-file rebuild: " + done.path("progress").asString());
        assertThat(incomplete).as("reads during the rebuild (%d)", reads.get()).isEmpty();
        assertThat(reads.get()).isPositive();
        Integer after = activeGeneration();
        assertThat(after).isGreaterThan(before);
        for (String table : List.of("citizen_file_row", "citizen_address_row", "case_row", "case_entry_row")) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE generation <> ?", Integer.class, after))
                    .as("the old generation is gone from %s", table).isZero();
        }
        // every citizen written before, during and after, with its case, at the version its write made
        written.forEach((id, consistency) -> {
            Http.Response file = http.get("/api/citizens/" + id + "/file").token(registration).purpose("AMTSHILFE")
                    .header("Consistency-Token", consistency).send();
            assertThat(file.status()).as(file.body()).isEqualTo(200);
            assertThat(file.json().get("cases")).hasSize(1);
        });
        // and nobody else is missing: every opened file is in the model or was erased
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM citizen_file_view", Long.class)
                + jdbc.queryForObject("SELECT COUNT(*) FROM erased_citizen", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(DISTINCT aggregate_identifier) FROM domain_event_entry"
                        + " WHERE payload_type LIKE '%CitizenFileOpened'", Long.class));
    }

    private Integer activeGeneration() {
        return jdbc.queryForObject("SELECT active FROM projection_generation WHERE projection = 'consolidated-file'",
                Integer.class);
    }

    @Test
    void onlyAdminsRebuild_andUnknownModelsAreNotFound() {
        String admin = token("admin", "rebuild-admin", null, null);
        assertProblem(http.post("/api/admin/projections/search/rebuild", Map.of()).token(staffToken("rebuild-bob", "33"))
                .send(), 403, "forbidden-role");
        assertProblem(http.post("/api/admin/projections/nothing/rebuild", Map.of()).token(admin).send(), 404, "not-found");
        Http.Response list = http.get("/api/admin/projections").token(admin).send();
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        list.json().forEach(p -> names.add(p.path("name").asString()));
        assertThat(names).contains("search", "consolidated-file", "citizen-access-log");
    }

    private JsonNode awaitDone(String admin, String name) {
        return Rebuilds.awaitDone(http, admin, name, Duration.ofSeconds(120), Duration.ofMillis(100));
    }

    private Set<String> found(String token, String family) {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            Map<String, Object> criteria = cursor == null ? Map.of("familyName", family, "limit", 50)
                    : Map.of("familyName", family, "limit", 50, "cursor", cursor);
            Http.Response page = http.post("/api/search/citizens", criteria).token(token).purpose("SACHBEARBEITUNG").send();
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().path("hits").forEach(h -> ids.add(h.path("citizenId").asString()));
            JsonNode next = page.json().path("nextCursor");
            cursor = next.isNull() || next.isMissingNode() ? null : next.asString();
        } while (cursor != null);
        return ids;
    }
}
