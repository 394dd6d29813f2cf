package de.eakte.api.web;

import de.eakte.api.support.Http;
import de.eakte.api.support.PostgresApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static de.eakte.api.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-your-writes: a read that sends back the Consistency-Token of a write sees that write; a token
 * naming a version that never comes ends, within the configured bound (PT2S in the tests), in 503
 * not-yet-consistent with Retry-After.
 */
class ReadYourWritesIT extends PostgresApiTest {

    /** eakte.read-your-writes.timeout in the shared test context. */
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private String clerk;

    @BeforeEach
    void setUp() {
        clerk = staffToken("ryw-alice", "33");
    }

    @Test
    void givenNewCitizen_whenReadingWithItsToken_thenTheFileIsThere() {
        Http.Response created = http.post("/api/citizens", citizenBody("Sofort", "Sina", "1982-02-02")).token(clerk)
                .send();
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Consistency-Token")).isEqualTo(created.text("citizenId") + ":0");

        Http.Response file = http.get("/api/citizens/" + created.text("citizenId") + "/file").token(clerk)
                .purpose("BMG-34").header("Consistency-Token", created.header("Consistency-Token")).send();

        assertThat(file.status()).as(file.body()).isEqualTo(200);
        assertThat(file.json().at("/citizen/familyName").asString()).isEqualTo("Sofort");
    }

    @Test
    void givenRapidWrites_whenEachIsReadWithItsToken_thenEveryReadSeesItsWrite() {
        String citizenId = createCitizen(clerk, citizenBody("Schnell", "Sam", "1982-02-02"));
        Http.Response opened = openCase(clerk, citizenId, "identity-card", "Personalausweis");
        String caseId = opened.text("caseId");

        for (int i = 1; i <= 10; i++) {
            Http.Response added = http.post("/api/cases/" + caseId + "/entries",
                    Map.of("kind", "NOTE", "visibility", "INTERNAL", "text", "Notiz " + i)).token(clerk).send();
            assertThat(added.status()).isEqualTo(201);
            assertThat(added.header("Consistency-Token")).isEqualTo(caseId + ":" + i);

            Http.Response read = http.get("/api/cases/" + caseId).token(clerk)
                    .header("Consistency-Token", added.header("Consistency-Token")).send();

            assertThat(read.status()).isEqualTo(200);
            JsonNode entries = read.json().path("entries");
            assertThat(entries).as("read after write " + i).hasSizeGreaterThanOrEqualTo(i);
            assertThat(entries.get(i - 1).path("text").asString()).isEqualTo("Notiz " + i);
            assertThat(read.json().at("/summary/version").asLong()).isGreaterThanOrEqualTo(i);
        }
    }

    @Test
    void givenCorrectionAndMove_whenReadingWithTheirTokens_thenTheFileShowsBoth() {
        String citizenId = createCitizen(clerk, citizenBody("Vorher", "Vic", "1982-02-02"));
        Map<String, Object> correction = new java.util.LinkedHashMap<>(citizenBody("Nachher", "Vic", "1982-02-02"));
        correction.remove("address");
        Http.Response corrected = http.post("/api/citizens/" + citizenId + "/corrections", correction).token(clerk)
                .send();
        Http.Response moved = http.post("/api/citizens/" + citizenId + "/moves", Map.of("address",
                Map.of("street", "Neue Gasse", "houseNumber", "4", "postcode", "04109", "city", "Leipzig"),
                "movedOn", "2026-05-01")).token(clerk).send();
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(moved.status()).isEqualTo(200);

        Http.Response file = http.get("/api/citizens/" + citizenId + "/file").token(clerk).purpose("BMG-34")
                .header("Consistency-Token", corrected.header("Consistency-Token") + ", "
                        + moved.header("Consistency-Token")).send();

        assertThat(file.status()).isEqualTo(200);
        assertThat(file.json().at("/citizen/familyName").asString()).isEqualTo("Nachher");
        assertThat(file.json().at("/citizen/address/street").asString()).isEqualTo("Neue Gasse");
        assertThat(file.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void givenCaseOfOtherOffice_whenFileIsReadWithBothTokens_thenBothCasesAreListed() {
        String citizenId = createCitizen(clerk, citizenBody("Beide", "Ben", "1982-02-02"));
        Http.Response idCard = openCase(clerk, citizenId, "identity-card", "Personalausweis");
        Http.Response trade = openCase(staffToken("ryw-bob", "32"), citizenId, "trade-registration", "Gewerbe");

        Http.Response file = http.get("/api/citizens/" + citizenId + "/file").token(clerk).purpose("AMTSHILFE")
                .header("Consistency-Token", idCard.header("Consistency-Token") + "," + trade.header("Consistency-Token"))
                .send();

        assertThat(file.status()).isEqualTo(200);
        assertThat(file.json().path("cases")).hasSize(2);
    }

    @Test
    void givenTokenOfAVersionThatNeverComes_whenReading_thenServiceUnavailableWithinTheBound() {
        String citizenId = createCitizen(clerk, citizenBody("Nie", "Nora", "1982-02-02"));
        long started = System.nanoTime();

        Http.Response response = http.get("/api/citizens/" + citizenId + "/file").token(clerk)
                .header("Consistency-Token", citizenId + ":999").send();

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertProblem(response, 503, "not-yet-consistent");
        assertThat(response.header("Retry-After")).isNotBlank().matches("\\d+");
        assertThat(took).isGreaterThanOrEqualTo(TIMEOUT.minusMillis(100)).isLessThan(TIMEOUT.plusSeconds(2));
    }

    @Test
    void givenTokenOfAnUnknownAggregate_whenReadingCase_thenServiceUnavailableAndNoAccessEntry() {
        String citizenId = createCitizen(clerk, citizenBody("Fremd", "Fritz", "1982-02-02"));
        String caseId = openCase(clerk, citizenId, "passport", "Reisepass").text("caseId");
        long mark = jdbc.queryForObject("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry", Long.class);

        Http.Response response = http.get("/api/cases/" + caseId).token(clerk)
                .header("Consistency-Token", UUID.randomUUID() + ":0").send();

        assertProblem(response, 503, "not-yet-consistent");
        assertThat(response.header("Retry-After")).isNotBlank();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE global_index > ?", Long.class,
                mark)).as("no data left, so no access entry").isZero();
    }
}
