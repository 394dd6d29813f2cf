package de.eakte.api.web;

import de.eakte.api.support.Http;
import de.eakte.api.support.PostgresApiTest;
import de.eakte.api.support.StoredEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.eakte.api.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read of citizen data leaves exactly one AccessRecorded event naming whose data, who read it,
 * which categories and which file references the response held, stored before the response left
 * (so it is there the moment the response arrives). A read that finds nothing records nothing.
 */
class AccessRecordingIT extends PostgresApiTest {

    private StoredEvents events;
    private String clerk;
    private String tradeClerk;

    @BeforeEach
    void setUp() {
        events = new StoredEvents(jdbc);
        clerk = staffToken("access-alice", "33");
        tradeClerk = staffToken("access-bob", "32");
    }

    @Test
    void givenCitizenWithCases_whenReadingTheFile_thenOneAccessEntryWithWhatTheResponseHeld() {
        String citizenId = createCitizen(clerk, citizenBody("Zugriff", "Zora", "1966-06-06"));
        Http.Response idCard = openCase(clerk, citizenId, "identity-card", "Personalausweis");
        Http.Response trade = openCase(tradeClerk, citizenId, "trade-registration", "Gewerbe");
        long mark = events.mark();

        Http.Response file = http.get("/api/citizens/" + citizenId + "/file").token(clerk).purpose("BMG-34")
                .header("Consistency-Token", idCard.header("Consistency-Token"))
                .header("X-Request-Id", "access-file-1").send();

        assertThat(file.status()).isEqualTo(200);
        List<JsonNode> recorded = events.payloadsSince(mark, StoredEvents.ACCESS_RECORDED);
        assertThat(recorded).as("no waiting: stored before the response left").hasSize(1);
        JsonNode access = recorded.get(0);
        assertThat(access.path("citizenId").asString()).isEqualTo(citizenId);
        assertThat(access.path("actorSubject").path("key").asString()).as("sealed under its period's key")
                .startsWith("access/bmg/");
        assertThat(file.body()).isNotNull();
        assertThat(access.toString()).doesNotContain("access-alice").doesNotContain("Pruefung im Test");
        assertThat(access.path("actorRole").asString()).isEqualTo("STAFF");
        assertThat(access.path("actorOffice").asString()).isEqualTo("33");
        assertThat(access.path("outcome").asString()).isEqualTo("GRANTED");
        assertThat(access.path("channel").asString()).isEqualTo("REST");
        assertThat(access.path("correlationId").asString()).isEqualTo("access-file-1");
        assertThat(strings(access.path("categories")))
                .containsExactlyInAnyOrder("MASTER_DATA", "ADDRESS_HISTORY", "CASE_SUMMARIES");
        List<String> returned = new ArrayList<>();
        file.json().path("cases").forEach(c -> returned.add(c.path("fileReference").asString()));
        assertThat(strings(access.path("fileReferences"))).containsExactlyElementsOf(returned);
        // own case by case context; the trade office's case is not covered by BMG-34 and stays hidden
        assertThat(returned).containsExactly(idCard.text("fileReference"));
        assertThat(access.path("rule").asString()).isEqualTo("case-context+purpose");
        assertThat(access.path("purpose").asString()).isEqualTo("BMG-34");
        assertThat(access.path("legalBasis").asString()).isEqualTo("BMG § 34");
        assertThat(access.path("reason").path("key").asString()).startsWith("access/bmg/");
        assertThat(trade.status()).isEqualTo(201);
        assertThat(Instant.parse(access.path("at").asString())).isBeforeOrEqualTo(clock.instant());
    }

    @Test
    void givenCitizenWithTwoCases_whenReadingTheFileAfterBothWrites_thenBothReferencesAreRecorded() {
        String citizenId = createCitizen(clerk, citizenBody("Zwei", "Zeno", "1966-06-06"));
        Http.Response idCard = openCase(clerk, citizenId, "identity-card", "Personalausweis");
        Http.Response trade = openCase(tradeClerk, citizenId, "trade-registration", "Gewerbe");
        // wait for both writes first, then count only the read under test
        Http.Response warmUp = http.get("/api/cases/" + trade.text("caseId")).token(tradeClerk)
                .header("Consistency-Token", trade.header("Consistency-Token")).send();
        Http.Response warmUp2 = http.get("/api/cases/" + idCard.text("caseId")).token(clerk)
                .header("Consistency-Token", idCard.header("Consistency-Token")).send();
        assertThat(warmUp.status()).isEqualTo(200);
        assertThat(warmUp2.status()).isEqualTo(200);
        long mark = events.mark();

        Http.Response file = http.get("/api/citizens/" + citizenId + "/file").token(tradeClerk).purpose("AMTSHILFE").send();

        assertThat(file.status()).isEqualTo(200);
        List<JsonNode> recorded = events.payloadsSince(mark, StoredEvents.ACCESS_RECORDED);
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).toString()).doesNotContain("access-bob");
        assertThat(recorded.get(0).path("actorSubject").path("key").asString()).startsWith("access/default/");
        assertThat(recorded.get(0).path("actorOffice").asString()).isEqualTo("32");
        assertThat(strings(recorded.get(0).path("fileReferences")))
                .containsExactlyInAnyOrder(idCard.text("fileReference"), trade.text("fileReference"));
    }

    @Test
    void givenCase_whenReadingIt_thenOneAccessEntryNamingItsCitizenAndReference() {
        String citizenId = createCitizen(clerk, citizenBody("Vorgang", "Vera", "1977-07-07"));
        Http.Response opened = openCase(clerk, citizenId, "passport", "Reisepass");
        String caseId = opened.text("caseId");
        long mark = events.mark();

        Http.Response read = http.get("/api/cases/" + caseId).token(clerk)
                .header("Consistency-Token", opened.header("Consistency-Token")).send();

        assertThat(read.status()).isEqualTo(200);
        List<JsonNode> recorded = events.payloadsSince(mark, StoredEvents.ACCESS_RECORDED);
        assertThat(recorded).hasSize(1);
        JsonNode access = recorded.get(0);
        assertThat(access.path("citizenId").asString()).isEqualTo(citizenId);
        assertThat(access.toString()).doesNotContain("access-alice");
        assertThat(strings(access.path("categories"))).containsExactlyInAnyOrder("CASE_SUMMARIES", "CASE_ENTRIES");
        assertThat(strings(access.path("fileReferences"))).containsExactly(opened.text("fileReference"));
        assertThat(read.json().at("/summary/fileReference").asString()).isEqualTo(opened.text("fileReference"));
    }

    @Test
    void givenSeveralReads_whenEachReturns_thenEachLeftExactlyOneEntry() {
        String citizenId = createCitizen(clerk, citizenBody("Oft", "Otto", "1988-08-08"));
        Http.Response opened = openCase(clerk, citizenId, "passport", "Reisepass");
        http.get("/api/cases/" + opened.text("caseId")).token(clerk)
                .header("Consistency-Token", opened.header("Consistency-Token")).send();

        for (int i = 1; i <= 5; i++) {
            long mark = events.mark();
            Http.Response read = i % 2 == 0
                    ? http.get("/api/cases/" + opened.text("caseId")).token(clerk).send()
                    : http.get("/api/citizens/" + citizenId + "/file").token(clerk).send();
            assertThat(read.status()).isEqualTo(200);
            assertThat(events.payloadsSince(mark, StoredEvents.ACCESS_RECORDED)).as("read " + i).hasSize(1);
        }
    }

    @Test
    void givenUnknownIds_whenReading_thenNotFoundAndNoAccessEntry() {
        long mark = events.mark();

        Http.Response file = http.get("/api/citizens/" + UUID.randomUUID() + "/file").token(clerk).send();
        Http.Response read = http.get("/api/cases/" + UUID.randomUUID()).token(clerk).send();

        assertProblem(file, 404, "not-found");
        assertProblem(read, 404, "not-found");
        assertThat(events.payloadsSince(mark, StoredEvents.ACCESS_RECORDED)).isEmpty();
        assertThat(events.mark()).isEqualTo(mark);
    }

    @Test
    void givenUnauthenticatedOrWrongRoleRead_thenNoAccessEntry_butAPolicyDenialIsRecorded() {
        String citizenId = createCitizen(clerk, citizenBody("Verwehrt", "Vito", "1955-05-05"));
        // the DPO's read below must find the file in the read model, else it is a 404 before any decision
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM citizen_file_view WHERE citizen_id = ?", Integer.class, citizenId) == 1);
        long mark = events.mark();

        Http.Response anonymous = http.get("/api/citizens/" + citizenId + "/file").send();
        Http.Response citizen = http.get("/api/citizens/" + citizenId + "/file")
                .token(token("citizen", "vito", null, citizenId)).send();

        // refused by the filter chain (no token, a role with no business here): nobody was looked at
        assertProblem(anonymous, 401, "unauthenticated");
        assertProblem(citizen, 403, "forbidden-role");
        assertThat(events.payloadsSince(mark, StoredEvents.ACCESS_RECORDED)).isEmpty();

        // the DPO reaches the policy, which denies without break-glass: that attempt is recorded
        Http.Response dpo = http.get("/api/citizens/" + citizenId + "/file").token(token("dpo", "dora", null, null))
                .send();
        assertProblem(dpo, 403, "access-denied");
        List<JsonNode> recorded = events.payloadsSince(mark, StoredEvents.ACCESS_RECORDED);
        assertThat(recorded).singleElement().satisfies(a -> {
            assertThat(a.path("outcome").asString()).isEqualTo("DENIED");
            assertThat(a.path("rule").asString()).isEqualTo("dpo-no-case-contents");
            assertThat(a.path("actorRole").asString()).isEqualTo("DPO");
        });
    }

    @Test
    void givenWrite_whenNotReadBack_thenNoAccessEntry() {
        long mark = events.mark();

        String citizenId = createCitizen(clerk, citizenBody("Schreiben", "Sara", "1999-09-09"));
        http.post("/api/citizens/" + citizenId + "/moves", Map.of("address", Map.of("street", "Weg", "houseNumber",
                "1", "postcode", "04109", "city", "Leipzig"), "movedOn", "2026-01-01")).token(clerk).send();

        assertThat(events.payloadsSince(mark, StoredEvents.ACCESS_RECORDED)).isEmpty();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
