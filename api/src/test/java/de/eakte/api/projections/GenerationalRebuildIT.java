package de.eakte.api.projections;

import de.eakte.api.access.AccessLogKeyShredder;
import de.eakte.api.support.Http;
import de.eakte.api.support.PostgresApiTest;
import de.eakte.audit.access.CitizenAccessLog;
import de.eakte.audit.log.CitizenAccessLogProjection;
import de.eakte.audit.log.DpoAccessLogProjection;
import de.eakte.core.access.AccessOutcome;
import de.eakte.core.access.AccessRecord;
import de.eakte.core.access.AccessRecorded;
import de.eakte.core.access.AccessRecorder;
import de.eakte.core.access.Channel;
import de.eakte.core.access.DataCategory;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.OfficeCode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The read models other than search and the consolidated file rebuilt beside the serving ones
 * (docs/decisions/0007-blue-green-rebuild.md): the citizen's access log and the purpose catalogue
 * rebuilt while entries and changes keep being written, read all along through the same queries the
 * API answers with; a destroyed period key reaching a generation being built; and every other model
 * rebuilt to the same content.
 */
class GenerationalRebuildIT extends PostgresApiTest {

    private static final String PURPOSE_CHANGES = "/api/admin/catalogue/purpose-changes";
    private static final String STAFF = "bg-sachbearbeiter";

    @Autowired
    private AccessRecorder recorder;

    @Autowired
    private AccessLogKeyShredder shredder;

    @Autowired
    private EventStore eventStore;

    @Autowired
    private CitizenAccessLogProjection citizenLog;

    @Autowired
    private DpoAccessLogProjection dpoLog;

    @Autowired
    private ProjectionRebuilds rebuilds;

    /**
     * A citizen's log read over HTTP all along the rebuild always holds every entry recorded before
     * it, the whole log never shrinks, and afterwards every entry written before, during and after is
     * there once, with its chain gap-free.
     */
    @Test
    void rebuildingTheCitizenAccessLogUnderConcurrentWrites_readersNeverSeeAPartialLogAndNothingIsLost()
            throws Exception {
        String admin = token("admin", "bg-admin", null, null);
        CitizenId citizen = CitizenId.random();
        String citizenToken = token("citizen", "bg-buerger-" + citizen, null, citizen.toString());
        Set<String> before = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            before.add(reference(recorded(citizen, clock.instant())));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> references(citizenToken).size() == before.size());
        Set<String> wholeLog = new HashSet<>(jdbc.queryForList("SELECT access_id FROM citizen_access_log", String.class));
        int generationBefore = active("citizen-access-log");

        AtomicBoolean rebuilding = new AtomicBoolean(true);
        List<String> partial = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger reads = new AtomicInteger();
        Set<String> written = Collections.synchronizedSet(new HashSet<>(before));
        ExecutorService threads = Executors.newFixedThreadPool(3);
        Future<?> reader = threads.submit(() -> {
            while (rebuilding.get()) {
                Set<String> seen = references(citizenToken);
                long total = jdbc.queryForObject("SELECT COUNT(*) FROM citizen_access_log", Long.class);
                reads.incrementAndGet();
                if (!seen.containsAll(before) || total < wholeLog.size()) {
                    partial.add(seen.size() + " of the citizen's " + before.size() + ", " + total + " of " + wholeLog.size());
                }
            }
        });
        List<Future<?>> writing = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            writing.add(threads.submit(() -> {
                for (int i = 0; i < 15; i++) {
                    written.add(reference(recorded(citizen, clock.instant())));
                }
            }));
        }
        Http.Response started = http.post("/api/admin/projections/citizen-access-log/rebuild", Map.of()).token(admin).send();
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        for (Future<?> f : writing) {
            f.get();
        }
        JsonNode done = awaitDone(admin, "citizen-access-log");
        rebuilding.set(false);
        reader.get();
        threads.shutdown();
        for (int i = 0; i < 3; i++) {
            written.add(reference(recorded(citizen, clock.instant())));
        }

        assertThat(done.path("lastRebuild").path("mode").asString()).isEqualTo("BESIDE");
        assertThat(partial).as("reads during the rebuild (%d)", reads.get()).isEmpty();
        assertThat(reads.get()).isPositive();
        int generationAfter = active("citizen-access-log");
        assertThat(generationAfter).isGreaterThan(generationBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM citizen_access_row WHERE generation <> ?", Integer.class,
                generationAfter)).as("the old generation is gone").isZero();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(references(citizenToken)).containsExactlyInAnyOrderElementsOf(written));
        assertThat(jdbc.queryForList("SELECT chain_sequence FROM citizen_access_log WHERE citizen_id = ? ORDER BY 1",
                Long.class, citizen.toString())).as("the chain, gap-free from 0")
                .containsExactlyElementsOf(LongStream.range(0, written.size()).boxed().toList());
        assertThat(jdbc.queryForList("SELECT access_id FROM citizen_access_log", String.class))
                .as("every entry of the whole log before the rebuild").containsAll(wholeLog);
    }

    /**
     * The purposes in force and the list of changes, read all along the rebuild, always hold what
     * was approved and proposed before it; afterwards every change proposed or approved before,
     * during and after is there with its status.
     */
    @Test
    void rebuildingThePurposeCatalogueUnderConcurrentChanges_readersNeverSeeAPartialCatalogueAndNothingIsLost()
            throws Exception {
        String admin = token("admin", "bg-admin", null, null);
        String anna = token("admin", "bg-admin-anna", null, null);
        String bernd = token("admin", "bg-admin-bernd", null, null);
        String reason = "Umbau " + UUID.randomUUID();
        Map<String, String> approved = new java.util.concurrent.ConcurrentHashMap<>(); // change id -> code
        Map<String, String> pending = new java.util.concurrent.ConcurrentHashMap<>();
        for (int i = 0; i < 6; i++) {
            propose(anna, bernd, reason, i % 2 == 0, approved, pending);
        }
        Set<String> approvedBefore = Set.copyOf(approved.values());
        int changesBefore = approved.size() + pending.size();
        await().atMost(Duration.ofSeconds(20)).until(() -> inForce(anna).containsAll(approvedBefore)
                && changes(reason) == changesBefore);
        int generationBefore = active("purpose-catalogue");

        AtomicBoolean rebuilding = new AtomicBoolean(true);
        List<String> partial = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger reads = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        Future<?> reader = threads.submit(() -> {
            while (rebuilding.get()) {
                Set<String> codes = inForce(anna);
                int listed = changes(reason);
                reads.incrementAndGet();
                if (!codes.containsAll(approvedBefore) || listed < changesBefore) {
                    partial.add(codes.size() + " purposes in force, " + listed + " of " + changesBefore + " changes");
                }
            }
        });
        Future<?> writer = threads.submit(() -> {
            for (int i = 0; i < 6; i++) {
                propose(anna, bernd, reason, i % 2 == 0, approved, pending);
            }
        });
        Http.Response started = http.post("/api/admin/projections/purpose-catalogue/rebuild", Map.of()).token(admin).send();
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        writer.get();
        JsonNode done = awaitDone(admin, "purpose-catalogue");
        rebuilding.set(false);
        reader.get();
        threads.shutdown();
        propose(anna, bernd, reason, true, approved, pending);

        assertThat(done.path("lastRebuild").path("mode").asString()).isEqualTo("BESIDE");
        assertThat(partial).as("reads during the rebuild (%d)", reads.get()).isEmpty();
        assertThat(reads.get()).isPositive();
        int generationAfter = active("purpose-catalogue");
        assertThat(generationAfter).isGreaterThan(generationBefore);
        for (String table : List.of("purpose_change_row", "purpose_in_force_row")) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE generation <> ?", Integer.class,
                    generationAfter)).as("the old generation is gone from %s", table).isZero();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(inForce(anna)).containsAll(approved.values()).doesNotContainAnyElementsOf(pending.values());
            approved.keySet().forEach(id -> assertThat(status(anna, id)).isEqualTo("APPROVED"));
            pending.keySet().forEach(id -> assertThat(status(anna, id)).isEqualTo("PENDING"));
        });
        assertThat(changes(reason)).isEqualTo(approved.size() + pending.size());
    }

    /**
     * A generation being built holds an entry whose period key is then destroyed: the live
     * processor's deletion reaches it (as well as the serving one), in the citizen's and the DPO's
     * log, so a rebuild never keeps what retention removed.
     */
    @Test
    void givenAnEntryInAGenerationBeingBuilt_whenItsPeriodKeyIsDestroyed_thenItLeavesThatGenerationToo() {
        CitizenId citizen = CitizenId.random();
        Instant now = clock.instant();
        // a month of its own: AccessLogRetentionIT destroys the key of the month 3 * 366 days back
        Instant old = now.minus(Duration.ofDays(4 * 366 + 45));
        String oldEntry;
        try {
            clock.set(old);
            oldEntry = recorded(citizen, old);
        } finally {
            clock.set(now);
        }
        String recentEntry = recorded(citizen, now);
        await().atMost(Duration.ofSeconds(20)).until(() -> rows("citizen_access_log", citizen) == 2
                && rows("dpo_access_log", citizen) == 2);
        // a generation no rebuild uses: the handlers of a rebuild write it, from the stored events
        int building = Math.max(active("citizen-access-log"), active("dpo-access-log")) + 1000;
        CitizenAccessLogProjection citizenBuilding = citizenLog.inGeneration(building);
        DpoAccessLogProjection dpoBuilding = dpoLog.inGeneration(building);
        try {
            eventStore.readEvents(CitizenAccessLog.aggregateId(citizen)).asStream().forEach(m -> {
                DomainEventMessage<?> message = m;
                if (message.getPayload() instanceof AccessRecorded event) {
                    citizenBuilding.on(event, message.getIdentifier(), message.getSequenceNumber());
                    dpoBuilding.on(event);
                }
            });
            assertThat(rowsIn("citizen_access_row", building, citizen)).containsExactlyInAnyOrder(oldEntry, recentEntry);
            assertThat(rowsIn("dpo_access_row", building, citizen)).containsExactlyInAnyOrder(oldEntry, recentEntry);

            assertThat(shredder.destroyExpired()).isNotEmpty();

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(rowsIn("citizen_access_row", building, citizen)).containsExactly(recentEntry);
                assertThat(rowsIn("dpo_access_row", building, citizen)).containsExactly(recentEntry);
            });
            assertThat(jdbc.queryForList("SELECT access_id FROM citizen_access_log WHERE citizen_id = ?", String.class,
                    citizen.toString())).containsExactly(recentEntry);
            assertThat(jdbc.queryForList("SELECT access_id FROM dpo_access_log WHERE citizen_id = ?", String.class,
                    citizen.toString())).containsExactly(recentEntry);
        } finally {
            citizenLog.clear(building);
            dpoLog.clear(building);
        }
    }

    /** Every tracking processor has a generational model, and each rebuilds to the content it served. */
    @Test
    void everyReadModelIsRebuiltBeside_toTheSameContent() {
        String admin = token("admin", "bg-admin", null, null);
        // something in each model, whatever ran before: an access, a re-identification request, a case-type change
        String accessId = recorded(CitizenId.random(), clock.instant());
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM dpo_access_log WHERE access_id = ?", Integer.class, accessId) == 1);
        Http.Response reIdentification = http.post("/api/dpo/re-identifications", Map.of("pseudonym",
                dpoLog.pseudonym(STAFF), "reason", "Umbau: Prüfung eines Zugriffsmusters")).token(token("dpo",
                "bg-dpo", null, null)).send();
        assertThat(reIdentification.status()).as(reIdentification.body()).isEqualTo(201);
        Map<String, Object> caseType = new LinkedHashMap<>();
        caseType.put("code", "bg-" + Integer.toString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff), 16));
        caseType.put("office", "36");
        caseType.put("name", "Umbauakte");
        caseType.put("filePlanKey", "142.20");
        caseType.put("targetDays", 14);
        caseType.put("confidentiality", "NORMAL");
        caseType.put("retentionYears", 15);
        caseType.put("disposal", "V");
        caseType.put("retentionBasis", "FeV § 61");
        caseType.put("reason", "Umbau der Lesemodelle");
        Http.Response caseTypeChange = http.post("/api/admin/catalogue/case-type-changes", caseType).token(admin).send();
        assertThat(caseTypeChange.status()).as(caseTypeChange.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM dpo_re_identification WHERE re_identification_id = ?", Integer.class,
                reIdentification.text("reIdentificationId")) == 1
                && jdbc.queryForObject("SELECT COUNT(*) FROM case_type_change_view WHERE change_id = ?", Integer.class,
                caseTypeChange.text("changeId")) == 1);
        assertThat(rebuilds.withoutGenerations()).as("read models that would be replayed in place").isEmpty();
        assertThat(rebuilds.names()).contains("search", "consolidated-file", "citizen-access-log", "dpo-access-log",
                "dpo-re-identifications", "purpose-catalogue", "case-type-catalogue", "office-catalogue",
                "disposal-lists");
        Map<String, List<String>> views = new LinkedHashMap<>();
        views.put("dpo-access-log", List.of("dpo_access_log", "dpo_search_log"));
        views.put("dpo-re-identifications", List.of("dpo_re_identification"));
        views.put("case-type-catalogue", List.of("case_type_change_view", "case_type_in_force"));
        views.put("office-catalogue", List.of("office_change_view", "office_in_force"));
        views.put("disposal-lists", List.of("disposal_list_view", "disposal_list_case"));
        views.forEach((name, tables) -> {
            int generation = active(name);
            Map<String, Long> counts = counts(tables);
            Http.Response started = http.post("/api/admin/projections/" + name + "/rebuild", Map.of()).token(admin).send();
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            awaitDone(admin, name);
            assertThat(active(name)).as(name).isGreaterThan(generation);
            assertThat(counts(tables)).as(name).isEqualTo(counts);
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dpo_access_log WHERE access_id = ?", Integer.class, accessId))
                .isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dpo_re_identification WHERE re_identification_id = ?",
                Integer.class, reIdentification.text("reIdentificationId"))).isOne();
        assertThat(jdbc.queryForObject("SELECT status FROM case_type_change_view WHERE change_id = ?", String.class,
                caseTypeChange.text("changeId"))).isEqualTo("PENDING");
    }

    // ---- helpers --------------------------------------------------------------------------------

    private String recorded(CitizenId citizen, Instant at) {
        UUID id = UUID.randomUUID();
        recorder.record(new AccessRecord(id, at, Actor.staff(STAFF, new OfficeCode("33")), citizen,
                AccessOutcome.GRANTED, "purpose", Set.of(DataCategory.MASTER_DATA), List.of(), "BMG-34", "BMG § 34",
                "Umbau", null, false, Channel.REST, null));
        return id.toString();
    }

    private static String reference(String accessId) {
        return CitizenAccessLogProjection.referenceNumber(UUID.fromString(accessId));
    }

    /** The reference numbers of a citizen's log as the API answers (one page holds them all). */
    private Set<String> references(String citizenToken) {
        Http.Response page = http.get("/api/me/access-log?limit=100").token(citizenToken).send();
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().path("nextCursor").isNull() || page.json().path("nextCursor").isMissingNode()).isTrue();
        Set<String> found = new HashSet<>();
        page.json().path("entries").forEach(e -> found.add(e.path("referenceNumber").asString()));
        return found;
    }

    private void propose(String anna, String bernd, String reason, boolean approve, Map<String, String> approved,
                         Map<String, String> pending) {
        String code = "BG-" + Integer.toString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff), 16).toUpperCase();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "PUT");
        body.put("office", "33");
        body.put("code", code);
        body.put("name", "Umbauprüfung");
        body.put("legalBasis", "BMG § 34");
        body.put("categories", List.of("MASTER_DATA"));
        body.put("caseOffices", List.of("33"));
        body.put("allOffices", false);
        body.put("reason", reason);
        Http.Response proposed = http.post(PURPOSE_CHANGES, body).token(anna).send();
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String changeId = proposed.text("changeId");
        if (approve) {
            Http.Response decided = http.post(PURPOSE_CHANGES + "/" + changeId + "/approve", "").token(bernd).send();
            assertThat(decided.status()).as(decided.body()).isEqualTo(200);
            approved.put(changeId, code);
        } else {
            pending.put(changeId, code);
        }
    }

    /** The codes of office 33's purposes in force, as the catalogue endpoint answers. */
    private Set<String> inForce(String token) {
        Http.Response catalogue = http.get("/api/catalogue").token(token).send();
        assertThat(catalogue.status()).as(catalogue.body()).isEqualTo(200);
        Set<String> codes = new HashSet<>();
        catalogue.json().path("purposes").forEach(p -> {
            if ("33".equals(p.path("office").asString())) {
                codes.add(p.path("code").asString());
            }
        });
        return codes;
    }

    private int changes(String reason) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM purpose_change_view WHERE reason = ?", Integer.class, reason);
    }

    private String status(String token, String changeId) {
        Http.Response change = http.get(PURPOSE_CHANGES + "/" + changeId).token(token).send();
        assertThat(change.status()).as(change.body()).isEqualTo(200);
        return change.json().path("status").asString();
    }

    private int active(String projection) {
        return jdbc.queryForObject("SELECT active FROM projection_generation WHERE projection = ?", Integer.class,
                projection);
    }

    private int rows(String table, CitizenId citizen) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE citizen_id = ?", Integer.class,
                citizen.toString());
    }

    private List<String> rowsIn(String table, int generation, CitizenId citizen) {
        return jdbc.queryForList("SELECT access_id FROM " + table + " WHERE generation = ? AND citizen_id = ?",
                String.class, generation, citizen.toString());
    }

    private Map<String, Long> counts(List<String> tables) {
        Map<String, Long> counts = new LinkedHashMap<>();
        tables.forEach(t -> counts.put(t, jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Long.class)));
        return counts;
    }

    private JsonNode awaitDone(String admin, String name) {
        return Rebuilds.awaitDone(http, admin, name, Duration.ofSeconds(300), Duration.ofMillis(200));
    }
}
