package de.eakte.api.dpo;

import de.eakte.api.support.Http;
import de.eakte.api.support.PostgresApiTest;
import de.eakte.api.support.StoredEvents;
import de.eakte.audit.log.DpoAccessLogProjection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.eakte.api.support.ProblemAssertions.assertInvalid;
import static de.eakte.api.support.ProblemAssertions.assertProblem;
import static de.eakte.api.support.ProblemAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Re-identifying a staff pseudonym over HTTP on PostgreSQL: a DPO asks with a reason, cannot approve
 * her own request (403 four-eyes), a second DPO approves (once: 409 afterwards), and only then is
 * the requester, and only she, shown the staff member, read back from the event store; request,
 * approval and reveal are events. A rejected request reveals nothing; a short reason, an unknown or
 * malformed pseudonym and staff callers are refused.
 */
class ReIdentificationIT extends PostgresApiTest {

    private static final String PATH = "/api/dpo/re-identifications";
    private static final String PACKAGE = "de.eakte.core.access.reidentification.";
    private static final String REASON = "Zugriffe am Sonntag um 23 Uhr, Hinweis des Personalrats";

    @Autowired
    private DpoAccessLogProjection view;

    private StoredEvents events;
    private String run;
    private String dora;
    private String dirk;
    private String clerkSubject;
    private String clerkPseudonym;

    @BeforeEach
    void setUp() {
        events = new StoredEvents(jdbc);
        run = UUID.randomUUID().toString().substring(0, 8);
        dora = token("dpo", "reid-dora-" + run, null, null);
        dirk = token("dpo", "reid-dirk-" + run, null, null);
        clerkSubject = "reid-anna-" + run;
        clerkPseudonym = view.pseudonym(clerkSubject);
        // the clerk looks at a file, so her pseudonym is in the DPO's view
        String clerk = staffToken(clerkSubject, "33");
        String citizenId = createCitizen(clerk, citizenBody("Reident", "Rita", "1975-05-05"));
        Http.Response idCard = opened(clerk, citizenId, "identity-card", "Ausweis " + run);
        assertThat(http.get("/api/cases/" + idCard.text("caseId")).token(clerk)
                .header("Consistency-Token", idCard.header("Consistency-Token")).send().status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> view.knows(clerkPseudonym));
    }

    private String request(String token, String pseudonym, String reason) {
        Http.Response created = http.post(PATH, Map.of("pseudonym", pseudonym, "reason", reason)).token(token).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith(PATH + "/" + created.text("reIdentificationId"));
        return created.text("reIdentificationId");
    }

    @Test
    void givenARequest_whenASecondDpoApproves_thenOnlyTheRequesterIsShownTheStaffMemberAndEveryStepIsAnEvent() {
        long mark = events.mark();
        String id = request(dora, clerkPseudonym, REASON);

        JsonNode pending = read(dora, id);
        assertThat(pending.path("status").asString()).isEqualTo("PENDING");
        assertThat(pending.path("requestedByYou").asBoolean()).isTrue();
        assertThat(pending.path("staffSubject").isNull()).isTrue();

        // the requester cannot approve her own request
        assertRefused(http.post(PATH + "/" + id + "/approve", Map.of()).token(dora).send(), 403, "four-eyes");
        assertThat(read(dora, id).path("status").asString()).isEqualTo("PENDING");

        Http.Response approved = http.post(PATH + "/" + id + "/approve", Map.of("note", "Personalrat beteiligt"))
                .token(dirk).send();
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertRefused(http.post(PATH + "/" + id + "/approve", Map.of()).token(dirk).send(), 409,
                "re-identification-not-pending");
        assertRefused(http.post(PATH + "/" + id + "/reject", Map.of("reason", "doch nicht")).token(dirk).send(), 409,
                "re-identification-not-pending");

        // the approver sees the status, not the person
        JsonNode forApprover = read(dirk, id);
        assertThat(forApprover.path("status").asString()).isEqualTo("APPROVED");
        assertThat(forApprover.path("requestedByYou").asBoolean()).isFalse();
        assertThat(forApprover.path("staffSubject").isNull()).isTrue();
        assertThat(events.payloadsSince(mark, PACKAGE + "ReIdentificationRevealed")).isEmpty();

        Http.Response revealed = http.get(PATH + "/" + id).token(dora).send();
        assertThat(revealed.status()).as(revealed.body()).isEqualTo(200);
        assertThat(revealed.header("Cache-Control")).contains("no-store");
        assertThat(revealed.json().path("staffSubject").asString()).isEqualTo(clerkSubject);
        assertThat(revealed.json().path("pseudonym").asString()).isEqualTo(clerkPseudonym);

        assertThat(events.payloadsSince(mark, PACKAGE + "ReIdentificationRequested")).singleElement().satisfies(e -> {
            assertThat(e.path("pseudonym").asString()).isEqualTo(clerkPseudonym);
            assertThat(e.path("reason").asString()).isEqualTo(REASON);
            assertThat(e.toString()).doesNotContain("reid-dora");
        });
        assertThat(events.payloadsSince(mark, PACKAGE + "ReIdentificationApproved")).singleElement()
                .satisfies(e -> assertThat(e.path("note").asString()).isEqualTo("Personalrat beteiligt"));
        assertThat(events.payloadsSince(mark, PACKAGE + "ReIdentificationRevealed")).singleElement().satisfies(e -> {
            assertThat(e.path("reIdentificationId").asString()).isEqualTo(id);
            assertThat(e.toString()).doesNotContain(clerkSubject);
        });

        // the list shows both DPOs as pseudonyms and never the staff member
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(list("?status=APPROVED")).anySatisfy(r -> {
                    assertThat(r.path("reIdentificationId").asString()).isEqualTo(id);
                    assertThat(r.path("requestedBy").asString()).isEqualTo(view.pseudonym("reid-dora-" + run));
                    assertThat(r.path("decidedBy").asString()).isEqualTo(view.pseudonym("reid-dirk-" + run));
                    assertThat(r.path("reveals").asInt()).isEqualTo(1);
                }));
        Http.Response listed = http.get(PATH).token(dirk).send();
        assertThat(listed.body()).doesNotContain(clerkSubject).doesNotContain("reid-dora").doesNotContain("reid-dirk");
    }

    @Test
    void givenARejectedRequest_whenTheRequesterLooks_thenNoStaffMemberAndNoReveal() {
        long mark = events.mark();
        String id = request(dora, clerkPseudonym, REASON);
        assertRefused(http.post(PATH + "/" + id + "/reject", Map.of("reason", "eigener Antrag")).token(dora).send(),
                403, "four-eyes");
        assertInvalid(http.post(PATH + "/" + id + "/reject", Map.of()).token(dirk).send(), "reason", null);
        Http.Response rejected = http.post(PATH + "/" + id + "/reject", Map.of("reason", "kein hinreichender Anlass"))
                .token(dirk).send();
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);

        JsonNode seen = read(dora, id);
        assertThat(seen.path("status").asString()).isEqualTo("REJECTED");
        assertThat(seen.path("staffSubject").isNull()).isTrue();
        assertThat(seen.toString()).doesNotContain(clerkSubject);
        assertRefused(http.post(PATH + "/" + id + "/approve", Map.of()).token(dirk).send(), 409,
                "re-identification-not-pending");
        assertThat(events.payloadsSince(mark, PACKAGE + "ReIdentificationRejected")).hasSize(1);
        assertThat(events.payloadsSince(mark, PACKAGE + "ReIdentificationRevealed")).isEmpty();
    }

    @Test
    void givenBadRequestsOrOtherRoles_whenAskingToReIdentify_thenRefusedNamingFieldAndRule() {
        long mark = events.mark();
        assertInvalid(http.post(PATH, Map.of("pseudonym", clerkPseudonym, "reason", "weil")).token(dora).send(),
                "reason", "too-short");
        assertInvalid(http.post(PATH, Map.of("pseudonym", clerkSubject, "reason", REASON)).token(dora).send(),
                "pseudonym", "pseudonym");
        assertRefused(http.post(PATH, Map.of("pseudonym", "P-000000000000", "reason", REASON)).token(dora).send(),
                404, "pseudonym-unknown");
        String staff = staffToken(clerkSubject, "33");
        assertProblem(http.post(PATH, Map.of("pseudonym", clerkPseudonym, "reason", REASON)).token(staff).send(), 403,
                "forbidden-role");
        assertProblem(http.get(PATH).token(staff).send(), 403, "forbidden-role");
        assertProblem(http.get(PATH).send(), 401, "unauthenticated");
        assertInvalid(http.get(PATH + "/not-an-id").token(dora).send(), "reIdentificationId", "uuid");
        assertProblem(http.get(PATH + "/" + UUID.randomUUID()).token(dora).send(), 404, "not-found");
        assertThat(events.payloadsSince(mark, PACKAGE + "ReIdentificationRequested")).isEmpty();
    }

    private JsonNode read(String token, String id) {
        Http.Response response = http.get(PATH + "/" + id).token(token).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private List<JsonNode> list(String query) {
        Http.Response response = http.get(PATH + query).token(dora).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        response.json().path("reIdentifications").forEach(rows::add);
        return rows;
    }
}
