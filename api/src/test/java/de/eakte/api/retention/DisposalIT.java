package de.eakte.api.retention;

import de.eakte.api.config.AxonConfiguration;
import de.eakte.api.support.Http;
import de.eakte.api.support.PostgresApiTest;
import de.eakte.api.support.StoredEvents;
import de.eakte.core.cases.CaseFields;
import de.eakte.core.cases.CaseOpened;
import de.eakte.core.cases.EntryAdded;
import de.eakte.core.crypto.FieldSealer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.eakte.api.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Disposal end to end on PostgreSQL: a closed case whose retention has ended is drawn up, confirmed
 * by one admin, refused to the same admin as approver, approved by a second; its key is destroyed,
 * so its subject and entries are gone from the API and its sealed values read as redacted, while
 * the citizen's master data and other case remain. A case under legal hold stays off the list.
 */
class DisposalIT extends PostgresApiTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String LISTS = "/api/admin/disposal-lists";

    @Autowired
    private FieldSealer sealer;

    @Test
    void closedCaseIsDestroyedOnlyAfterFourEyesWhileHeldCaseStaysOff() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String clerk = staffToken("clerk-" + run, "33");
        String anna = token("admin", "anna-" + run, null, null);
        String bert = token("admin", "bert-" + run, null, null);

        // a citizen with an identity-card case (V) to be closed, and a passport case that stays open
        String citizen = createCitizen(clerk, citizenBody("Disposalweg-" + run, "Mia", "1979-07-17"));
        Http.Response idCard = opened(clerk, citizen, "identity-card", "Personalausweis " + run);
        String idCardId = idCard.text("caseId");
        entry(clerk, idCard, "NOTE", "INTERNAL", "Lichtbild liegt vor " + run);
        Http.Response passport = opened(clerk, citizen, "passport", "Reisepass " + run);
        // a second citizen whose closed case comes under a legal hold
        String other = createCitizen(clerk, citizenBody("Haltweg-" + run, "Ben", "1980-01-02"));
        Http.Response held = opened(clerk, other, "identity-card", "Personalausweis gehalten " + run);
        String heldId = held.text("caseId");

        close(clerk, idCardId);
        close(clerk, heldId);
        Http.Response hold = http.post("/api/cases/" + heldId + "/legal-hold",
                Map.of("reason", "Klageverfahren VG Köln 3 K 123/26")).token(clerk).send();
        assertThat(hold.status()).as(hold.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT legal_hold FROM case_view WHERE case_id = ?", Boolean.class, heldId)));
        LocalDate retentionEnds = jdbc.queryForObject("SELECT retention_ends_on FROM case_view WHERE case_id = ?",
                java.sql.Date.class, idCardId).toLocalDate();

        // only staff of the owning office hold a case; admins keep disposal lists, staff do not
        assertProblem(http.post("/api/cases/" + idCardId + "/legal-hold", Map.of("reason", "Klage"))
                .token(staffToken("bob-" + run, "32")).send(), 403, "owning-office-only");
        assertThat(http.post(LISTS, "").token(clerk).send().status()).isEqualTo(403);

        Instant before = clock.instant();
        String listId;
        try {
            // two days after the last day of retention, 10:00 in Berlin
            clock.set(retentionEnds.plusDays(2).atTime(10, 0).atZone(BERLIN).toInstant());

            Http.Response drawn = http.post(LISTS, "").token(anna).send();
            assertThat(drawn.status()).as(drawn.body()).isEqualTo(201);
            listId = drawn.text("listId");
            List<String> listed = caseIds(drawn.json().get("cases"));
            assertThat(listed).contains(idCardId).doesNotContain(heldId, passport.text("caseId"));
            JsonNode line = line(drawn.json().get("cases"), idCardId);
            assertThat(line.get("disposal").asText()).isEqualTo("V");
            assertThat(line.get("fileReference").asText()).isEqualTo(idCard.text("fileReference"));
            assertThat(line.get("retentionEndsOn").asText()).isEqualTo(retentionEnds.toString());
            assertThat(drawn.body()).doesNotContain("Disposalweg-" + run).doesNotContain("Personalausweis " + run);

            // a second draw-up right away does not take the same case again
            Http.Response again = http.post(LISTS, "").token(bert).send();
            assertThat(again.status()).isIn(200, 201);
            assertThat(caseIds(again.json().get("cases"))).doesNotContain(idCardId);

            // nothing happens before approval; the confirmer cannot approve
            Http.Response confirmed = http.post(LISTS + "/" + listId + "/confirm", "").token(anna).send();
            assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
            assertThat(confirmed.text("status")).isEqualTo("CONFIRMED");
            assertProblem(http.post(LISTS + "/" + listId + "/approve", "").token(anna).send(), 403, "four-eyes");
            assertThat(subjectOpens(idCardId)).isTrue();

            Http.Response approved = http.post(LISTS + "/" + listId + "/approve", "").token(bert).send();
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
            assertThat(approved.text("status")).isEqualTo("APPROVED");
        } finally {
            clock.set(before);
        }

        // the list shows the outcome, with file references and no names
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Http.Response detail = http.get(LISTS + "/" + listId).token(bert).send();
            assertThat(detail.status()).as(detail.body()).isEqualTo(200);
            assertThat(detail.json().get("list").get("status").asText()).isEqualTo("APPROVED");
            JsonNode outcome = line(detail.json().get("cases"), idCardId);
            assertThat(outcome.get("outcome").asText()).isEqualTo("DESTROYED");
            assertThat(outcome.get("destroyedKeys").asInt()).isEqualTo(1);
        });
        Http.Response page = http.get(LISTS + "?status=APPROVED&limit=100").token(anna).send();
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains(listId);

        // the case: no subject, no entries; the citizen's master data and other case remain
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Http.Response gone = http.get("/api/cases/" + idCardId).token(clerk).purpose("SACHBEARBEITUNG").send();
            assertThat(gone.status()).as(gone.body()).isEqualTo(200);
            assertThat(gone.json().get("summary").get("subject").isNull()).isTrue();
            assertThat(gone.json().get("entries")).isEmpty();
        });
        Http.Response file = http.get("/api/citizens/" + citizen + "/file").token(clerk).purpose("SACHBEARBEITUNG").send();
        assertThat(file.status()).as(file.body()).isEqualTo(200);
        assertThat(file.json().get("citizen").get("familyName").asText()).isEqualTo("Disposalweg-" + run);
        assertThat(file.body()).contains("Reisepass " + run).doesNotContain("Personalausweis " + run);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_entry_view WHERE case_id = ?", Long.class, idCardId))
                .isZero();

        // the sealed values in the event store: redacted for the destroyed case, readable for the other
        assertThat(subjectOpens(idCardId)).isFalse();
        EntryAdded note = AxonConfiguration.eventObjectMapper().readValue(
                new StoredEvents(jdbc).payload(idCardId, 1).toString(), EntryAdded.class);
        assertThat(sealer.open(note.text(), idCardId, CaseFields.ENTRY_TEXT).isRedacted()).isTrue();
        assertThat(subjectOpens(passport.text("caseId"))).isTrue();

        // the held case: on no list, still readable
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM disposal_list_case WHERE case_id = ?", Long.class, heldId))
                .isZero();
        assertThat(subjectOpens(heldId)).isTrue();
    }

    private void close(String token, String caseId) {
        Http.Response closed = http.post("/api/cases/" + caseId + "/status", Map.of("status", "CLOSED")).token(token).send();
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> "CLOSED".equals(jdbc.queryForObject(
                "SELECT status FROM case_view WHERE case_id = ?", String.class, caseId)));
    }

    private boolean subjectOpens(String caseId) throws Exception {
        CaseOpened opened = AxonConfiguration.eventObjectMapper().readValue(
                new StoredEvents(jdbc).payload(caseId, 0).toString(), CaseOpened.class);
        return !sealer.open(opened.subject(), caseId, CaseFields.SUBJECT).isRedacted();
    }

    private static List<String> caseIds(JsonNode cases) {
        List<String> ids = new ArrayList<>();
        cases.forEach(c -> ids.add(c.get("caseId").asText()));
        return ids;
    }

    private static JsonNode line(JsonNode cases, String caseId) {
        for (JsonNode c : cases) {
            if (caseId.equals(c.get("caseId").asText())) {
                return c;
            }
        }
        throw new AssertionError("case " + caseId + " not in " + cases);
    }
}
