package de.eakte.api.cases;

import de.eakte.api.support.Http;
import de.eakte.api.support.PostgresApiTest;
import de.eakte.api.support.StoredEvents;
import de.eakte.core.citizens.IdNr;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static de.eakte.api.support.ProblemAssertions.assertInvalid;
import static de.eakte.api.support.ProblemAssertions.assertProblem;
import static de.eakte.api.support.ProblemAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case's life over HTTP on PostgreSQL: status moves with ETags, closing and retention, lost-update
 * protection, idempotent creation, file references under concurrency, entries, moves, corrections,
 * and the metadata every stored event carries.
 */
class CaseLifecycleIT extends PostgresApiTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Pattern REFERENCE = Pattern.compile("(\\d{2,3})-([0-9.]+)-(\\d{6,12})-(\\d{4})");

    private StoredEvents events;
    private String clerk;

    @BeforeEach
    void setUp() {
        events = new StoredEvents(jdbc);
        clerk = staffToken("life-alice", "33");
    }

    private String newCitizen(String familyName) {
        return createCitizen(clerk, citizenBody(familyName, "Lea", "1985-03-14"));
    }


    private Http.Response status(String caseId, String status, String ifMatch) {
        Http.Request request = http.post("/api/cases/" + caseId + "/status", Map.of("status", status)).token(clerk);
        return (ifMatch == null ? request : request.header("If-Match", ifMatch)).send();
    }

    private Http.Response readCase(String caseId, String consistencyToken) {
        return http.get("/api/cases/" + caseId).token(clerk).header("Consistency-Token", consistencyToken).send();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), BERLIN);
    }

    // ---- status --------------------------------------------------------------------------------

    @Test
    void givenOpenCase_whenWalkingTheStatusTable_thenEachMoveAnswersTheNextVersion() {
        String citizenId = newCitizen("Weg");
        Http.Response opened = opened(clerk, citizenId, "identity-card", "Personalausweis");
        String caseId = opened.text("caseId");
        assertThat(opened.header("ETag")).isEqualTo("\"0\"");
        String etag = opened.header("ETag");

        List<String> walk = List.of("IN_PROGRESS", "WAITING_FOR_CITIZEN", "IN_PROGRESS", "DECIDED", "CLOSED");
        Http.Response last = null;
        for (int i = 0; i < walk.size(); i++) {
            last = status(caseId, walk.get(i), etag);
            assertThat(last.status()).as(walk.get(i) + ": " + last.body()).isEqualTo(200);
            assertThat(last.header("ETag")).isEqualTo("\"" + (i + 1) + "\"");
            assertThat(last.json().path("version").asLong()).isEqualTo(i + 1);
            assertThat(last.header("Consistency-Token")).isEqualTo(caseId + ":" + (i + 1));
            assertThat(last.header("Cache-Control")).isEqualTo("no-store");
            etag = last.header("ETag");
        }

        Http.Response read = readCase(caseId, last.header("Consistency-Token"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"5\"");
        JsonNode summary = read.json().path("summary");
        assertThat(summary.path("status").asString()).isEqualTo("CLOSED");
        assertThat(summary.path("version").asLong()).isEqualTo(5);
        assertThat(summary.path("closedAt").isNull()).isFalse();
        assertThat(summary.path("overdue").asBoolean()).isFalse();
        // PAuswG § 23: identity-card files are kept 10 years from the end of the closing year
        assertThat(summary.path("retentionEndsOn").asString())
                .isEqualTo(LocalDate.of(today().getYear() + 10, 12, 31).toString());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"OPEN, DECIDED", "OPEN, WAITING_FOR_CITIZEN", "OPEN, OPEN", "IN_PROGRESS, OPEN",
            "WAITING_FOR_CITIZEN, DECIDED", "DECIDED, WAITING_FOR_CITIZEN", "CLOSED, IN_PROGRESS", "CLOSED, CLOSED"})
    void givenCaseInStatus_whenMovingAgainstTheTable_thenConflictStatusMoveAndNothingStored(String from, String to) {
        String caseId = opened(clerk, newCitizen("Tabelle"), "passport", "Reisepass").text("caseId");
        List<String> path = switch (from) {
            case "OPEN" -> List.of();
            case "IN_PROGRESS" -> List.of("IN_PROGRESS");
            case "WAITING_FOR_CITIZEN" -> List.of("IN_PROGRESS", "WAITING_FOR_CITIZEN");
            case "DECIDED" -> List.of("IN_PROGRESS", "DECIDED");
            case "CLOSED" -> List.of("CLOSED");
            default -> throw new IllegalArgumentException(from);
        };
        path.forEach(s -> assertThat(status(caseId, s, null).status()).isEqualTo(200));
        long before = events.count(caseId);

        Http.Response response = status(caseId, to, null);

        assertRefused(response, 409, "status-move");
        assertThat(events.count(caseId)).isEqualTo(before);
    }

    @Test
    void givenClosedCase_whenAddingEntryOrChangingDeadline_thenConflictCaseClosed() {
        String caseId = opened(clerk, newCitizen("Zda"), "identity-card", "Personalausweis").text("caseId");
        assertThat(status(caseId, "CLOSED", "\"0\"").status()).isEqualTo(200);
        long before = events.count(caseId);

        Http.Response entry = http.post("/api/cases/" + caseId + "/entries",
                Map.of("kind", "NOTE", "visibility", "INTERNAL", "text", "zu spät")).token(clerk).send();
        Http.Response deadline = http.post("/api/cases/" + caseId + "/deadline",
                Map.of("deadline", today().plusDays(30).toString())).token(clerk).send();

        assertRefused(entry, 409, "case-closed");
        assertRefused(deadline, 409, "case-closed");
        assertThat(events.count(caseId)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} (office {1}) kept {2} years, disposal {3}")
    @CsvSource({"identity-card, 33, 10, V", "registration, 33, 5, V", "vehicle-registration, 36, 7, V",
            "trade-registration, 32, 10, B", "housing-benefit, 50, 10, V", "building-permit, 63, 30, A"})
    void givenCaseOfType_whenClosed_thenRetentionEndsOnDecember31OfClosingYearPlusYears(String type, String office,
                                                                                       int years, String disposal) {
        String token = staffToken("life-" + office, office);
        String caseId = opened(token, newCitizen("Frist"), type, "Vorgang " + type).text("caseId");

        Http.Response closed = http.post("/api/cases/" + caseId + "/status", Map.of("status", "CLOSED")).token(token)
                .header("If-Match", "\"0\"").send();
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        Http.Response read = http.get("/api/cases/" + caseId).token(token)
                .header("Consistency-Token", closed.header("Consistency-Token")).send();

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().at("/summary/retentionEndsOn").asString())
                .isEqualTo(LocalDate.of(today().getYear() + years, 12, 31).toString());
        assertThat(read.json().path("disposal").asString()).isEqualTo(disposal);
    }

    // ---- If-Match ------------------------------------------------------------------------------

    @Test
    void givenChangedCase_whenChangingWithStaleIfMatch_thenPreconditionFailedAndNoEventStored() {
        String caseId = opened(clerk, newCitizen("Veraltet"), "identity-card", "Personalausweis").text("caseId");
        assertThat(status(caseId, "IN_PROGRESS", "\"0\"").status()).isEqualTo(200);
        long before = events.count(caseId);
        assertThat(before).isEqualTo(2);

        Http.Response staleStatus = status(caseId, "DECIDED", "\"0\"");
        Http.Response staleEntry = http.post("/api/cases/" + caseId + "/entries",
                        Map.of("kind", "NOTE", "visibility", "INTERNAL", "text", "überholt")).token(clerk)
                .header("If-Match", "\"0\"").send();
        Http.Response staleDeadline = http.post("/api/cases/" + caseId + "/deadline",
                        Map.of("deadline", today().plusDays(40).toString())).token(clerk).header("If-Match", "\"0\"")
                .send();

        for (Http.Response stale : List.of(staleStatus, staleEntry, staleDeadline)) {
            JsonNode problem = assertProblem(stale, 412, "stale-version");
            assertThat(problem.path("currentVersion").asLong()).isEqualTo(1);
        }
        assertThat(events.count(caseId)).isEqualTo(before);
    }

    @Test
    void givenCase_whenIfMatchNamesAVersionNotYetReached_thenPreconditionFailedAndNoEventStored() {
        String caseId = opened(clerk, newCitizen("Zukunft"), "identity-card", "Personalausweis").text("caseId");

        Http.Response response = status(caseId, "IN_PROGRESS", "\"7\"");

        assertProblem(response, 412, "stale-version");
        assertThat(events.count(caseId)).isEqualTo(1);
    }

    @Test
    void givenCorrectedCitizen_whenCorrectingWithStaleIfMatch_thenPreconditionFailed() {
        String citizenId = newCitizen("Alt");
        Map<String, Object> correction = masterData("Neu");
        Http.Response first = http.post("/api/citizens/" + citizenId + "/corrections", correction).token(clerk)
                .header("If-Match", "\"0\"").send();
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");

        Http.Response stale = http.post("/api/citizens/" + citizenId + "/corrections", masterData("Neuer"))
                .token(clerk).header("If-Match", "\"0\"").send();

        assertProblem(stale, 412, "stale-version");
        assertThat(events.count(citizenId)).isEqualTo(2);
    }

    @Test
    void givenCase_whenIfMatchIsCurrentWeakTag_thenAccepted() {
        String caseId = opened(clerk, newCitizen("Schwach"), "identity-card", "Personalausweis").text("caseId");

        Http.Response response = status(caseId, "IN_PROGRESS", "W/\"0\"");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    // ---- Idempotency-Key -----------------------------------------------------------------------

    @Test
    void givenIdempotencyKey_whenOpeningCitizenTwiceWithSameBody_thenSameIdAndOneFile() {
        long mark = events.mark(); // names are sealed in the payload: count the events since here
        String name = "Einmal" + suffix();
        Map<String, Object> body = citizenBody(name, "Ida", "1990-09-09");
        String key = UUID.randomUUID().toString();

        Http.Response first = http.post("/api/citizens", body).token(clerk).header("Idempotency-Key", key).send();
        Http.Response second = http.post("/api/citizens", body).token(clerk).header("Idempotency-Key", key).send();

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.text("citizenId")).isEqualTo(first.text("citizenId"));
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(events.payloadsSince(mark, StoredEvents.CITIZEN_FILE_OPENED).size()).isEqualTo(1);
        assertThat(events.count(first.text("citizenId"))).isEqualTo(1);
    }

    @Test
    void givenIdempotencyKey_whenReusedWithOtherBody_thenUnprocessableAndNothingCreated() {
        long mark = events.mark(); // names are sealed in the payload: count the events since here
        String name = "Anders" + suffix();
        String key = UUID.randomUUID().toString();
        Http.Response first = http.post("/api/citizens", citizenBody(name, "Ida", "1990-09-09")).token(clerk)
                .header("Idempotency-Key", key).send();
        assertThat(first.status()).isEqualTo(201);

        Http.Response reused = http.post("/api/citizens", citizenBody(name, "Ida", "1991-09-09")).token(clerk)
                .header("Idempotency-Key", key).send();

        assertProblem(reused, 422, "idempotency-key-reused");
        assertThat(events.payloadsSince(mark, StoredEvents.CITIZEN_FILE_OPENED).size()).isEqualTo(1);
    }

    @Test
    void givenIdempotencyKey_whenAnotherCallerUsesTheSameKey_thenItCreatesItsOwn() {
        long mark = events.mark(); // names are sealed in the payload: count the events since here
        String name = "Zweier" + suffix();
        Map<String, Object> body = citizenBody(name, "Ida", "1990-09-09");
        String key = "shared-key-" + suffix();

        Http.Response alice = http.post("/api/citizens", body).token(clerk).header("Idempotency-Key", key).send();
        Http.Response carol = http.post("/api/citizens", body).token(staffToken("life-carol", "33"))
                .header("Idempotency-Key", key).send();

        assertThat(alice.status()).isEqualTo(201);
        assertThat(carol.status()).as(carol.body()).isEqualTo(201);
        assertThat(carol.text("citizenId")).isNotEqualTo(alice.text("citizenId"));
        assertThat(events.payloadsSince(mark, StoredEvents.CITIZEN_FILE_OPENED).size()).isEqualTo(2);
    }

    @Test
    void givenIdempotencyKey_whenOpeningCaseTwice_thenSameCaseSameReferenceOneEvent() {
        long mark = events.mark(); // names are sealed in the payload: count the events since here
        String citizenId = newCitizen("Akte");
        String subject = "Reisepass " + suffix();
        Map<String, Object> body = Map.of("caseType", "passport", "subject", subject);
        String key = UUID.randomUUID().toString();

        Http.Response first = http.post("/api/citizens/" + citizenId + "/cases", body).token(clerk)
                .header("Idempotency-Key", key).send();
        Http.Response second = http.post("/api/citizens/" + citizenId + "/cases", body).token(clerk)
                .header("Idempotency-Key", key).send();

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.text("caseId")).isEqualTo(first.text("caseId"));
        assertThat(second.text("fileReference")).isEqualTo(first.text("fileReference")).isNotNull();
        assertThat(events.payloadsSince(mark, StoredEvents.CASE_OPENED).size()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM file_reference WHERE case_id = ?", Long.class,
                first.text("caseId"))).isEqualTo(1);
    }

    @Test
    void givenIdempotencyKey_whenAddingEntryTwice_thenOneEntry() {
        String caseId = opened(clerk, newCitizen("Eintrag"), "passport", "Reisepass").text("caseId");
        Map<String, Object> body = Map.of("kind", "NOTE", "visibility", "INTERNAL", "text", "einmal");
        String key = UUID.randomUUID().toString();

        Http.Response first = http.post("/api/cases/" + caseId + "/entries", body).token(clerk)
                .header("Idempotency-Key", key).send();
        Http.Response second = http.post("/api/cases/" + caseId + "/entries", body).token(clerk)
                .header("Idempotency-Key", key).send();

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.text("entryId")).isEqualTo(first.text("entryId"));
        assertThat(events.count(caseId)).isEqualTo(2);
    }

    @Test
    void givenIdempotencyKey_whenAddingEntryTwice_thenTheReplayAnswersLikeTheOriginal() {
        String caseId = opened(clerk, newCitizen("Wiederholung"), "passport", "Reisepass").text("caseId");
        Map<String, Object> body = Map.of("kind", "NOTE", "visibility", "INTERNAL", "text", "noch einmal");
        String key = UUID.randomUUID().toString();

        Http.Response first = http.post("/api/cases/" + caseId + "/entries", body).token(clerk)
                .header("Idempotency-Key", key).send();
        Http.Response second = http.post("/api/cases/" + caseId + "/entries", body).token(clerk)
                .header("Idempotency-Key", key).send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("version").asLong()).isEqualTo(first.json().path("version").asLong());
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(second.header("Consistency-Token")).isEqualTo(first.header("Consistency-Token"));
    }

    @Test
    void givenIdempotencyKey_whenTheSameRequestArrivesConcurrently_thenOneFileIsCreated() throws Exception {
        long mark = events.mark(); // names are sealed in the payload: count the events since here
        String name = "Gleichzeitig" + suffix();
        Map<String, Object> body = citizenBody(name, "Ida", "1990-09-09");
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Http.Response>> futures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                futures.add(pool.submit(() -> http.post("/api/citizens", body).token(clerk)
                        .header("Idempotency-Key", key).send()));
            }
            Set<String> ids = new HashSet<>();
            int created = 0;
            for (Future<Http.Response> future : futures) {
                Http.Response response = future.get(30, TimeUnit.SECONDS);
                assertThat(response.status()).as(response.body()).isIn(200, 201, 409);
                if (response.status() == 409) {
                    assertProblem(response, 409, "idempotency-in-progress");
                } else {
                    ids.add(response.text("citizenId"));
                    created += response.status() == 201 ? 1 : 0;
                }
            }
            assertThat(created).isEqualTo(1);
            assertThat(ids).hasSize(1);
            assertThat(events.payloadsSince(mark, StoredEvents.CITIZEN_FILE_OPENED).size()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenIdempotencyKey_whenRecordingMoveTwice_thenOneMove() {
        String citizenId = newCitizen("Umzug");
        Map<String, Object> body = move("Lindenweg", "3", "2026-02-01");
        String key = UUID.randomUUID().toString();

        Http.Response first = http.post("/api/citizens/" + citizenId + "/moves", body).token(clerk)
                .header("Idempotency-Key", key).send();
        Http.Response second = http.post("/api/citizens/" + citizenId + "/moves", body).token(clerk)
                .header("Idempotency-Key", key).send();

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("version").asLong()).isEqualTo(first.json().path("version").asLong());
        assertThat(events.count(citizenId)).isEqualTo(2);
    }

    // ---- file references -----------------------------------------------------------------------

    @Test
    void givenTwentyConcurrentOpenings_whenAllSucceed_thenReferencesAndRunningNumbersAreDistinct() throws Exception {
        String token = staffToken("life-builder", "63");
        String citizenId = newCitizen("Parallel");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Http.Response>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                String subject = "Bauantrag " + i;
                futures.add(pool.submit(() -> openCase(token, citizenId, "building-permit", subject)));
            }
            Set<String> references = new HashSet<>();
            Set<Long> numbers = new HashSet<>();
            Set<String> caseIds = new HashSet<>();
            for (Future<Http.Response> future : futures) {
                Http.Response response = future.get(30, TimeUnit.SECONDS);
                assertThat(response.status()).as(response.body()).isEqualTo(201);
                String reference = response.text("fileReference");
                Matcher m = REFERENCE.matcher(reference);
                assertThat(m.matches()).as(reference).isTrue();
                assertThat(m.group(1)).isEqualTo("63");
                assertThat(m.group(2)).isEqualTo("621.10");
                assertThat(Integer.parseInt(m.group(4))).isEqualTo(today().getYear());
                references.add(reference);
                numbers.add(Long.parseLong(m.group(3)));
                caseIds.add(response.text("caseId"));
                assertThat(jdbc.queryForObject("SELECT reference FROM file_reference WHERE case_id = ?", String.class,
                        response.text("caseId"))).isEqualTo(reference);
            }
            assertThat(references).hasSize(20);
            assertThat(numbers).hasSize(20);
            assertThat(caseIds).hasSize(20);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenUnknownCitizen_whenOpeningCase_thenNotFoundAndNothingLeftBehind() {
        String token = staffToken("life-cars", "36");
        String citizenId = newCitizen("Fahrer");
        long numberBefore = runningNumber(opened(token, citizenId, "vehicle-registration", "Zulassung 1"));
        long references = jdbc.queryForObject("SELECT COUNT(*) FROM file_reference", Long.class);
        long caseEvents = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type = ?",
                Long.class, StoredEvents.CASE_OPENED);
        long total = events.total();
        String key = UUID.randomUUID().toString();

        Http.Response response = http.post("/api/citizens/" + UUID.randomUUID() + "/cases",
                        Map.of("caseType", "vehicle-registration", "subject", "Zulassung ins Leere")).token(token)
                .header("Idempotency-Key", key).send();

        assertRefused(response, 404, "citizen-unknown");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM file_reference", Long.class)).isEqualTo(references);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type = ?", Long.class,
                StoredEvents.CASE_OPENED)).isEqualTo(caseEvents);
        assertThat(events.total()).isEqualTo(total);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_record WHERE idem_key = ?", Long.class, key))
                .as("a failed command releases its Idempotency-Key").isZero();
        // a refused command draws no running number
        long numberAfter = runningNumber(opened(token, citizenId, "vehicle-registration", "Zulassung 2"));
        assertThat(numberAfter).isEqualTo(numberBefore + 1);
    }

    private static long runningNumber(Http.Response opened) {
        Matcher m = REFERENCE.matcher(opened.text("fileReference"));
        assertThat(m.matches()).isTrue();
        return Long.parseLong(m.group(3));
    }

    // ---- entries, moves, corrections -----------------------------------------------------------

    @Test
    void givenDocumentEntry_whenReadingCase_thenMetadataIsShown() {
        String caseId = opened(clerk, newCitizen("Dokument"), "identity-card", "Personalausweis").text("caseId");
        String sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        Map<String, Object> document = Map.of("title", "Antrag Personalausweis.pdf", "mediaType", "application/pdf",
                "sizeBytes", 48213, "sha256", sha, "receivedAt", "2026-11-20T08:15:00Z");

        Http.Response added = http.post("/api/cases/" + caseId + "/entries",
                        Map.of("kind", "DOCUMENT", "visibility", "CITIZEN", "document", document)).token(clerk)
                .header("If-Match", "\"0\"").send();
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.header("ETag")).isEqualTo("\"1\"");
        assertThat(added.header("Location")).endsWith("/api/cases/" + caseId);
        Http.Response read = readCase(caseId, added.header("Consistency-Token"));

        assertThat(read.status()).isEqualTo(200);
        JsonNode entries = read.json().path("entries");
        assertThat(entries).hasSize(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.path("entryId").asString()).isEqualTo(added.text("entryId"));
        assertThat(entry.path("kind").asString()).isEqualTo("DOCUMENT");
        assertThat(entry.path("visibility").asString()).isEqualTo("CITIZEN");
        assertThat(entry.at("/document/title").asString()).isEqualTo("Antrag Personalausweis.pdf");
        assertThat(entry.at("/document/mediaType").asString()).isEqualTo("application/pdf");
        assertThat(entry.at("/document/sizeBytes").asLong()).isEqualTo(48213);
        assertThat(entry.at("/document/sha256").asString()).isEqualTo(sha);
        assertThat(Instant.parse(entry.at("/document/receivedAt").asString()))
                .isEqualTo(Instant.parse("2026-11-20T08:15:00Z"));
        assertThat(read.json().at("/summary/entryCount").asInt()).isEqualTo(1);
    }

    @Test
    void givenCitizen_whenMoving_thenFileShowsNewAddressAndHistory() {
        String citizenId = newCitizen("Wanderer");

        Http.Response moved = http.post("/api/citizens/" + citizenId + "/moves",
                move("Karl-Liebknecht-Straße", "7b", "2026-03-01")).token(clerk).header("If-Match", "\"0\"").send();
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.header("ETag")).isEqualTo("\"1\"");
        Http.Response file = http.get("/api/citizens/" + citizenId + "/file").token(clerk).purpose("BMG-34")
                .header("Consistency-Token", moved.header("Consistency-Token")).send();

        assertThat(file.status()).isEqualTo(200);
        JsonNode citizen = file.json().path("citizen");
        assertThat(citizen.at("/address/street").asString()).isEqualTo("Karl-Liebknecht-Straße");
        assertThat(citizen.at("/address/houseNumber").asString()).isEqualTo("7b");
        assertThat(citizen.path("movedOn").asString()).isEqualTo("2026-03-01");
        JsonNode history = citizen.path("addressHistory");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).at("/address/street").asString()).isEqualTo("Hauptstraße");
        assertThat(history.get(0).path("movedOn").isNull()).isTrue();
        assertThat(history.get(1).at("/address/street").asString()).isEqualTo("Karl-Liebknecht-Straße");
        assertThat(history.get(1).path("movedOn").asString()).isEqualTo("2026-03-01");
        assertThat(file.header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void givenMove_whenNextMoveIsDatedBeforeIt_thenBadRequestAndNothingStored() {
        String citizenId = newCitizen("Rückwärts");
        assertThat(http.post("/api/citizens/" + citizenId + "/moves", move("Am Markt", "1", "2026-03-01"))
                .token(clerk).send().status()).isEqualTo(200);

        Http.Response earlier = http.post("/api/citizens/" + citizenId + "/moves", move("Am Bach", "2", "2026-02-28"))
                .token(clerk).send();

        assertInvalid(earlier, "movedOn", "move-before-previous-move");
        assertThat(events.count(citizenId)).isEqualTo(2);
    }

    @Test
    void givenCitizen_whenCorrectingMasterData_thenFileShowsTheCorrection() {
        String citizenId = newCitizen("Schmitt");
        Map<String, Object> correction = masterData("Schmidt");
        String idNr = "8609574271" + IdNr.checkDigit("8609574271");
        correction.put("idNr", idNr);
        correction.put("birthName", "Müller");

        Http.Response corrected = http.post("/api/citizens/" + citizenId + "/corrections", correction).token(clerk)
                .send();
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        Http.Response file = http.get("/api/citizens/" + citizenId + "/file").token(clerk).purpose("BMG-34")
                .header("Consistency-Token", corrected.header("Consistency-Token")).send();

        JsonNode citizen = file.json().path("citizen");
        assertThat(citizen.path("familyName").asString()).isEqualTo("Schmidt");
        assertThat(citizen.path("birthName").asString()).isEqualTo("Müller");
        assertThat(citizen.path("idNr").asString()).isEqualTo(idNr);
        assertThat(citizen.at("/address/street").asString()).as("a correction is no move").isEqualTo("Hauptstraße");
        assertThat(citizen.path("version").asLong()).isEqualTo(1);
    }

    // ---- event metadata ------------------------------------------------------------------------

    @Test
    void givenCommands_whenStored_thenEventsCarryActorAndCorrelation() {
        String citizenId = newCitizen("Metadaten");
        JsonNode fileMeta = events.metaData(citizenId, 0);
        assertThat(fileMeta.path("actorSubject").asString()).isEqualTo("life-alice");
        assertThat(fileMeta.path("actorRole").asString()).isEqualTo("staff");
        assertThat(fileMeta.path("actorOffice").asString()).isEqualTo("33");
        assertThat(fileMeta.path("correlationId").asString()).isNotBlank();

        String caseId = opened(staffToken("life-dave", "36"), citizenId, "vehicle-registration", "Zulassung")
                .text("caseId");
        JsonNode caseMeta = events.metaData(caseId, 0);
        assertThat(caseMeta.path("actorSubject").asString()).isEqualTo("life-dave");
        assertThat(caseMeta.path("actorRole").asString()).isEqualTo("staff");
        assertThat(caseMeta.path("actorOffice").asString()).isEqualTo("36");
        assertThat(caseMeta.path("correlationId").asString()).isNotBlank();
    }

    @Test
    void givenRequestId_whenCommandIsStored_thenEventCorrelationIdIsTheRequestId() {
        Http.Response created = http.post("/api/citizens", citizenBody("Korrelation", "Kai", "1970-01-01"))
                .token(clerk).header("X-Request-Id", "test-corr-123").send();
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("X-Request-Id")).isEqualTo("test-corr-123");

        JsonNode meta = events.metaData(created.text("citizenId"), 0);

        assertThat(meta.path("correlationId").asString()).as(meta.toString()).isEqualTo("test-corr-123");
    }

    @Test
    void givenRequestId_whenCaseCommandIsStored_thenEventCorrelationIdIsTheRequestId() {
        String caseId = opened(clerk, newCitizen("Spur"), "passport", "Reisepass").text("caseId");
        Http.Response moved = http.post("/api/cases/" + caseId + "/status", Map.of("status", "IN_PROGRESS"))
                .token(clerk).header("X-Request-Id", "test-corr-456").send();
        assertThat(moved.status()).isEqualTo(200);

        JsonNode meta = events.metaData(caseId, 1);

        assertThat(meta.path("correlationId").asString()).as(meta.toString()).isEqualTo("test-corr-456");
    }

    // ---- bodies --------------------------------------------------------------------------------

    private static Map<String, Object> masterData(String familyName) {
        Map<String, Object> body = new LinkedHashMap<>(citizenBody(familyName, "Lea", "1985-03-14"));
        body.remove("address");
        return body;
    }

    private static Map<String, Object> move(String street, String houseNumber, String movedOn) {
        return Map.of("address", Map.of("street", street, "houseNumber", houseNumber, "postcode", "04109",
                "city", "Leipzig"), "movedOn", movedOn);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
