package de.eakte.api.citizens;

import de.eakte.api.support.Http;
import de.eakte.api.support.PostgresApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The foundation's tour over HTTP on PostgreSQL: files, cases across offices, the consolidated file. */
class ConsolidatedFileIT extends PostgresApiTest {

    @Test
    void givenCitizenWithCasesInTwoOffices_whenReadingTheFile_thenBothCasesAndEntriesAreThere() {
        String clerk = staffToken("alice", "33");
        String tradeClerk = staffToken("bob", "32");
        String citizenId = createCitizen(clerk, citizenBody("Meyer", "Jürgen", "1961-04-23"));

        Http.Response idCard = openCase(clerk, citizenId, "identity-card", "Antrag auf Personalausweis");
        assertThat(idCard.status()).isEqualTo(201);
        assertThat(idCard.text("fileReference")).matches("33-122\\.20-\\d{6}-\\d{4}");
        String caseId = idCard.text("caseId");
        clock.advance(Duration.ofMinutes(1)); // cases are listed in opening order
        Http.Response trade = openCase(tradeClerk, citizenId, "trade-registration", "Gewerbeanmeldung Imbiss");
        assertThat(trade.status()).isEqualTo(201);

        Http.Response entry = http.post("/api/cases/" + caseId + "/entries",
                        Map.of("kind", "NOTE", "visibility", "INTERNAL", "text", "Lichtbild liegt vor."))
                .token(clerk).header("If-Match", idCard.header("ETag")).send();
        assertThat(entry.status()).isEqualTo(201);
        assertThat(entry.header("ETag")).isEqualTo("\"1\"");

        // own case by case context; the trade office's case only with a stated purpose (AMTSHILFE: summaries)
        Http.Response file = http.get("/api/citizens/" + citizenId + "/file").token(clerk).purpose("AMTSHILFE")
                .addHeader("Consistency-Token", entry.header("Consistency-Token"))
                .addHeader("Consistency-Token", trade.header("Consistency-Token")).send();
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Cache-Control")).isEqualTo("no-store");
        JsonNode body = file.json();
        assertThat(body.at("/citizen/familyName").asText()).isEqualTo("Meyer");
        assertThat(body.at("/citizen/address/street").asText()).isEqualTo("Hauptstraße");
        assertThat(body.get("cases")).hasSize(2);
        assertThat(body.at("/cases/0/office").asText()).isEqualTo("33");
        assertThat(body.at("/cases/0/entryCount").asInt()).isEqualTo(1);
        assertThat(body.at("/cases/1/office").asText()).isEqualTo("32");

        Http.Response detail = http.get("/api/cases/" + caseId).token(clerk).send();
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.json().at("/entries/0/text").asText()).isEqualTo("Lichtbild liegt vor.");
        assertThat(detail.header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void givenOpenCase_whenDeadlinePasses_thenItIsOverdueUntilDecided() {
        String clerk = staffToken("alice", "33");
        String citizenId = createCitizen(clerk, citizenBody("Schmidt", "Anna", "1990-01-02"));
        Http.Response opened = openCase(clerk, citizenId, "passport", "Reisepass");
        String caseId = opened.text("caseId");

        Http.Response before = http.get("/api/cases/" + caseId).token(clerk)
                .header("Consistency-Token", opened.header("Consistency-Token")).send();
        assertThat(before.json().at("/summary/overdue").asBoolean()).isFalse();

        clock.advance(Duration.ofDays(30));
        try {
            Http.Response after = http.get("/api/cases/" + caseId).token(clerk).send();
            assertThat(after.json().at("/summary/overdue").asBoolean()).isTrue();
        } finally {
            clock.advance(Duration.ofDays(-30));
        }
    }

    @Test
    void givenCaseWithManyEvents_whenSnapshotted_thenSnapshotHoldsNoPersonalDataAndTheCaseStillDecides() {
        String clerk = staffToken("alice", "33");
        String citizenId = createCitizen(clerk, citizenBody("Schneider-Özdemir", "Lea", "1999-09-09"));
        String caseId = openCase(clerk, citizenId, "registration", "Ummeldung Sonnenweg").text("caseId");
        for (int i = 0; i < 6; i++) {
            assertThat(http.post("/api/cases/" + caseId + "/entries",
                    Map.of("kind", "NOTE", "visibility", "INTERNAL", "text", "Vermerk Geheimtext " + i))
                    .token(clerk).send().status()).isEqualTo(201);
        }

        String snapshot = jdbc.queryForObject(
                "SELECT payload FROM snapshot_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1",
                (rs, i) -> new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8), caseId);
        assertThat(snapshot).contains(caseId).doesNotContain("Geheimtext", "Sonnenweg", "Schneider");

        Http.Response closed = http.post("/api/cases/" + caseId + "/status", Map.of("status", "CLOSED"))
                .token(clerk).send();
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.header("ETag")).isEqualTo("\"7\"");
        assertThat(http.post("/api/cases/" + caseId + "/entries",
                Map.of("kind", "NOTE", "visibility", "INTERNAL", "text", "zu spät")).token(clerk).send().status())
                .isEqualTo(409);
    }
}
