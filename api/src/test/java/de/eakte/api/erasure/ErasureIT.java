package de.eakte.api.erasure;

import de.eakte.api.support.Http;
import de.eakte.api.support.PlaintextScan;
import de.eakte.api.support.PostgresApiTest;
import de.eakte.core.citizens.IdNr;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GDPR Art. 17 end to end on PostgreSQL: restriction while retention binds, erasure once it has
 * ended, and afterwards no plaintext of the citizen anywhere in the database.
 */
class ErasureIT extends PostgresApiTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final Random random = new Random();

    /** A citizen with words found nowhere else, so a scan can look for them. */
    private record Person(String id, String familyName, String givenNames, String birthName, String placeOfBirth,
                          String street, String idNr, String subjectWord, String entryWord, String titleWord) {

        List<String> words() {
            return List.of(familyName, givenNames, birthName, placeOfBirth, street, idNr, subjectWord, entryWord,
                    titleWord);
        }
    }

    private String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    private String idNr() {
        StringBuilder digits = new StringBuilder().append(1 + random.nextInt(9));
        for (int i = 0; i < 9; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString() + IdNr.checkDigit(digits.toString());
    }

    private Person person(String clerk) {
        String run = letters(6);
        Person p = new Person(null, "Zyprianowski" + run, "Theodolinde" + run, "Quappendorf" + run, "Wurzelbach" + run,
                "Xylophonweg" + run, idNr(), "Sonderfallpruefung" + run, "Kuckucksuhr" + run, "Pergamentrolle" + run);
        Map<String, Object> body = Map.of("familyName", p.familyName(), "givenNames", p.givenNames(),
                "birthName", p.birthName(), "dateOfBirth", "1971-02-03", "placeOfBirth", p.placeOfBirth(),
                "idNr", p.idNr(), "address",
                Map.of("street", p.street(), "houseNumber", "9", "postcode", "04109", "city", "Leipzig"));
        String id = createCitizen(clerk, body);
        return new Person(id, p.familyName(), p.givenNames(), p.birthName(), p.placeOfBirth(), p.street(), p.idNr(),
                p.subjectWord(), p.entryWord(), p.titleWord());
    }

    private Http.Response caseWithEntries(String clerk, Person p) {
        Http.Response opened = opened(clerk, p.id(), "identity-card", "Antrag " + p.subjectWord());
        entry(clerk, opened, "NOTE", "CITIZEN", "Notiz zur " + p.entryWord());
        Http.Response doc = http.post("/api/cases/" + opened.text("caseId") + "/entries", Map.of("kind", "DOCUMENT",
                "visibility", "CITIZEN", "document", Map.of("title", p.titleWord() + ".pdf", "mediaType", "application/pdf",
                        "sizeBytes", 1024, "sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        "receivedAt", "2026-01-05T10:00:00Z"))).token(clerk).send();
        assertThat(doc.status()).as(doc.body()).isEqualTo(201);
        return opened;
    }

    private void close(String clerk, String caseId) {
        Http.Response closed = http.post("/api/cases/" + caseId + "/status", Map.of("status", "CLOSED")).token(clerk).send();
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> "CLOSED".equals(jdbc.queryForObject(
                "SELECT status FROM case_view WHERE case_id = ?", String.class, caseId)));
    }

    private String citizenToken(Person p) {
        return token("citizen", "buerger-" + p.id(), null, p.id());
    }

    @Test
    void givenAnOpenCase_whenTheCitizenAsksForErasure_thenRestrictedWithoutADateAndOnlyBreakGlassSeesTheFile() {
        String clerk = staffToken("clerk-erasure-1", "33");
        Person p = person(clerk);
        caseWithEntries(clerk, p);

        Http.Response asked = http.post("/api/me/erasure-request", Map.of()).token(citizenToken(p)).send();

        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        assertThat(asked.text("state")).isEqualTo("RESTRICTED");
        assertThat(asked.json().path("earliestErasureOn").isNull()).isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Http.Response read = http.get("/api/citizens/" + p.id() + "/file").token(clerk).send();
            assertThat(read.status()).isEqualTo(403);
            assertThat(read.text("rule")).isEqualTo("processing-restricted");
        });
        Http.Response own = http.get("/api/me/file").token(citizenToken(p)).send();
        assertThat(own.status()).isEqualTo(200);
        Http.Response emergency = http.get("/api/citizens/" + p.id() + "/file").token(clerk)
                .header("Access-Break-Glass", "Notfall: Polizei benötigt sofort die Anschrift").send();
        assertThat(emergency.status()).as(emergency.body()).isEqualTo(200);
        assertThat(emergency.json().path("citizen").path("familyName").asString()).isEqualTo(p.familyName());
    }

    @Test
    void givenRetentionEnded_whenErased_thenGoneEverywhereAndNoPlaintextLeftInAnyTable() {
        String clerk = staffToken("clerk-erasure-2", "33");
        String decider = staffToken("clerk-erasure-decider", "33");
        Person p = person(clerk);
        Person neighbour = person(clerk);
        Http.Response opened = caseWithEntries(clerk, p);
        caseWithEntries(clerk, neighbour);
        Http.Response read = http.get("/api/citizens/" + p.id() + "/file").token(clerk).send();
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        close(clerk, opened.text("caseId"));
        assertThat(PlaintextScan.findings(jdbc, "public", p.words())).as("the scan sees the projections").isNotEmpty();

        Http.Response restricted = http.post("/api/citizens/" + p.id() + "/erasure-request", Map.of()).token(clerk).send();
        assertThat(restricted.text("state")).as(restricted.body()).isEqualTo("RESTRICTED");
        LocalDate earliest = LocalDate.parse(restricted.text("earliestErasureOn"));
        assertThat(earliest.getMonthValue()).isEqualTo(1);
        assertThat(earliest.getDayOfMonth()).isEqualTo(1);

        Instant before = clock.instant();
        try {
            clock.set(earliest.atTime(9, 0).atZone(BERLIN).toInstant());
            Http.Response pending = http.post("/api/me/erasure-request", Map.of()).token(citizenToken(p)).send();
            assertThat(pending.text("state")).as(pending.body()).isEqualTo("PENDING_DECISION");
            Http.Response opinion = http.post("/api/dpo/erasures/" + p.id() + "/opinion",
                    Map.of("opinion", "Keine Bedenken, Frist abgelaufen.")).token(token("dpo", "dora", null, null)).send();
            assertThat(opinion.status()).as(opinion.body()).isEqualTo(204);
            Http.Response byTheRequester = http.post("/api/citizens/" + p.id() + "/erasure-decision",
                    Map.of("erase", true)).token(staffToken("clerk-gewerbe", "32")).send();
            assertThat(byTheRequester.status()).isEqualTo(403);

            Http.Response erased = http.post("/api/citizens/" + p.id() + "/erasure-decision", Map.of("erase", true))
                    .token(decider).send();

            assertThat(erased.status()).as(erased.body()).isEqualTo(200);
            assertThat(erased.text("state")).isEqualTo("ERASED");
        } finally {
            clock.set(before);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Http.Response gone = http.get("/api/citizens/" + p.id() + "/file").token(clerk).send();
            assertThat(gone.status()).as(gone.body()).isEqualTo(410);
            assertThat(gone.text("type")).endsWith("citizen-erased");
        });
        assertThat(http.get("/api/me/file").token(citizenToken(p)).send().status()).isEqualTo(410);
        assertThat(http.get("/api/me/export").token(citizenToken(p)).send().status()).isEqualTo(410);
        Http.Response again = http.post("/api/citizens/" + p.id() + "/moves", Map.of("movedOn", "2026-01-01", "address",
                Map.of("street", "Neue Straße", "houseNumber", "1", "postcode", "04109", "city", "Leipzig")))
                .token(clerk).send();
        assertThat(again.status()).isEqualTo(410);
        Http.Response noCase = openCase(clerk, p.id(), "identity-card", "Neuer Antrag");
        assertThat(noCase.status()).isEqualTo(404);

        // every processor has handled the erasure before the scan
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(PlaintextScan.findings(jdbc, "public", p.words())).isEmpty());
        List<String> neighbourLeft = new ArrayList<>(PlaintextScan.findings(jdbc, "public",
                List.of(neighbour.familyName(), neighbour.subjectWord())));
        assertThat(neighbourLeft).as("the neighbour's data stays").isNotEmpty();
        Http.Response neighbourFile = http.get("/api/citizens/" + neighbour.id() + "/file").token(clerk).send();
        assertThat(neighbourFile.status()).isEqualTo(200);
        assertThat(neighbourFile.json().path("citizen").path("familyName").asString()).isEqualTo(neighbour.familyName());
    }

    @Test
    void theExportHoldsEverythingAndIsRecorded() {
        String clerk = staffToken("clerk-export", "33");
        Person p = person(clerk);
        Http.Response opened = caseWithEntries(clerk, p);
        Http.Response staffRead = http.get("/api/citizens/" + p.id() + "/file").token(clerk).send();
        assertThat(staffRead.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/me/access-log").token(citizenToken(p)).send()
                .json().path("entries").size() == 1);

        Http.Response export = http.get("/api/me/export").token(citizenToken(p)).send();

        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.header("Cache-Control")).contains("no-store");
        JsonNode json = export.json();
        assertThat(json.path("person").path("familyName").asString()).isEqualTo(p.familyName());
        assertThat(json.path("person").path("idNr").asString()).isEqualTo(p.idNr());
        assertThat(json.path("person").path("address").path("street").asString()).isEqualTo(p.street());
        JsonNode exportedCase = json.path("cases").get(0);
        assertThat(exportedCase.path("fileReference").asString()).isEqualTo(opened.text("fileReference"));
        assertThat(exportedCase.path("subject").asString()).contains(p.subjectWord());
        assertThat(exportedCase.path("retention").path("years").asInt()).isPositive();
        assertThat(exportedCase.path("retention").path("disposal").asString()).isNotBlank();
        assertThat(exportedCase.path("entries").size()).isEqualTo(2);
        assertThat(json.path("accessLog").size()).isEqualTo(1);
        assertThat(json.path("accessLog").get(0).path("office").asString()).isEqualTo("33");
        // the export is a read like any other: recorded (channel EXPORT) before the document left
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM dpo_access_log WHERE citizen_id = ? AND channel = 'EXPORT'"
                        + " AND actor_role = 'CITIZEN' AND outcome = 'GRANTED'", Integer.class, p.id())).isEqualTo(1));
    }
}
