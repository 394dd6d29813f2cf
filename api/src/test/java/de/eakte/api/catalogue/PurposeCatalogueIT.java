package de.eakte.api.catalogue;

import de.eakte.api.support.Http;
import de.eakte.api.support.PostgresApiTest;
import de.eakte.api.support.StoredEvents;
import de.eakte.core.access.DataCategory;
import de.eakte.core.access.policy.Purpose;
import de.eakte.core.access.policy.PurposeCode;
import de.eakte.core.access.policy.PurposeDirectory;
import de.eakte.core.shared.OfficeCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static de.eakte.api.support.ProblemAssertions.assertInvalid;
import static de.eakte.api.support.ProblemAssertions.assertProblem;
import static de.eakte.api.support.ProblemAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Purpose changes over HTTP on PostgreSQL: proposed by one admin, in force only once another
 * approved it (four eyes), rejected, withdrawn, with the DPO's opinion, and what the event store
 * keeps of it. Every test uses purpose codes of its own, so the seeded defaults stay as they are
 * for the other tests of the shared context.
 */
class PurposeCatalogueIT extends PostgresApiTest {

    static final String CHANGES = "/api/admin/catalogue/purpose-changes";
    static final String DPO_CHANGES = "/api/dpo/catalogue/purpose-changes";
    private static final OfficeCode RESIDENTS = OfficeCode.of("33");

    @Autowired
    private PurposeDirectory purposes;

    private StoredEvents events;
    private String adminAnna;
    private String adminBernd;
    private String dpo;

    @BeforeEach
    void setUp() {
        events = new StoredEvents(jdbc);
        adminAnna = token("admin", "cat-admin-anna", null, null);
        adminBernd = token("admin", "cat-admin-bernd", null, null);
        dpo = token("dpo", "cat-dpo-dora", null, null);
    }

    /** A purpose code no other test uses. */
    private static String freshCode() {
        return "IT-" + Integer.toString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff), 16).toUpperCase();
    }

    static Map<String, Object> put(String office, String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "PUT");
        body.put("office", office);
        body.put("code", code);
        body.put("name", "Zuverlässigkeitsprüfung");
        body.put("legalBasis", "WaffG § 5 Abs. 5");
        body.put("categories", List.of("ADDRESS_HISTORY", "MASTER_DATA"));
        body.put("caseOffices", List.of("36", "32"));
        body.put("allOffices", false);
        body.put("reason", "Anfragen der Waffenbehörde");
        return body;
    }

    static Map<String, Object> withdraw(String office, String code) {
        return Map.of("kind", "WITHDRAW", "office", office, "code", code, "reason", "nicht mehr benötigt");
    }

    private String proposed(String token, Map<String, Object> body) {
        Http.Response response = http.post(CHANGES, body).token(token).send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().path("status").asString()).isEqualTo("PENDING");
        String changeId = response.text("changeId");
        assertThat(response.header("Location")).isEqualTo(CHANGES + "/" + changeId);
        return changeId;
    }

    private Http.Response approve(String token, String changeId) {
        return http.post(CHANGES + "/" + changeId + "/approve", "").token(token).send();
    }

    private void approved(String changeId) {
        Http.Response response = approve(adminBernd, changeId);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private Optional<Purpose> inForce(String code) {
        return purposes.find(RESIDENTS, PurposeCode.of(code));
    }

    private JsonNode catalogued(String code) {
        for (JsonNode purpose : http.get("/api/catalogue").token(adminAnna).send().json().path("purposes")) {
            if (purpose.path("code").asString().equals(code)) {
                return purpose;
            }
        }
        return null;
    }

    /** The change as the list shows it, read by the given token from the given list. */
    private JsonNode listed(String list, String token, String changeId) {
        Http.Response response = http.get(list + "?limit=200").token(token).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        for (JsonNode change : response.json().path("items")) {
            if (change.path("changeId").asString().equals(changeId)) {
                return change;
            }
        }
        throw new AssertionError(changeId + " not in " + response.body());
    }

    // ---- four eyes ------------------------------------------------------------------------------

    @Test
    void givenProposalByAnna_whenAnnaApproves_thenForbiddenFourEyes_andWhenBerndApproves_thenInForce() {
        String code = freshCode();
        String changeId = proposed(adminAnna, put("33", code));

        assertThat(inForce(code)).isEmpty();
        assertThat(catalogued(code)).isNull();

        assertRefused(approve(adminAnna, changeId), 403, "four-eyes");
        assertThat(events.count(changeId)).as("a refusal stores nothing").isEqualTo(1);

        Http.Response approvedByBernd = approve(adminBernd, changeId);
        assertThat(approvedByBernd.status()).as(approvedByBernd.body()).isEqualTo(200);
        assertThat(approvedByBernd.json().path("status").asString()).isEqualTo("APPROVED");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(inForce(code)).isPresent());
        Purpose purpose = inForce(code).orElseThrow();
        assertThat(purpose.name()).isEqualTo("Zuverlässigkeitsprüfung");
        assertThat(purpose.legalBasis()).isEqualTo("WaffG § 5 Abs. 5");
        assertThat(purpose.categories()).containsExactly(DataCategory.MASTER_DATA, DataCategory.ADDRESS_HISTORY);
        assertThat(purpose.caseOffices()).containsExactlyInAnyOrder(OfficeCode.of("32"), OfficeCode.of("36"));
        assertThat(purpose.allOffices()).isFalse();
        assertThat(purposes.of(RESIDENTS)).extracting(p -> p.code().value()).contains(code, "SACHBEARBEITUNG", "BMG-34");

        JsonNode shown = catalogued(code);
        assertThat(shown).isNotNull();
        assertThat(shown.path("office").asString()).isEqualTo("33");
        assertThat(shown.path("changeId").asString()).isEqualTo(changeId);
        assertThat(shown.path("categories").toString()).isEqualTo("[\"MASTER_DATA\",\"ADDRESS_HISTORY\"]");
        assertThat(shown.path("caseOffices").toString()).isEqualTo("[\"32\",\"36\"]");

        JsonNode change = listed(CHANGES, adminAnna, changeId);
        assertThat(change.path("status").asString()).isEqualTo("APPROVED");
        assertThat(change.path("proposedBy").asString()).isEqualTo("cat-admin-anna");
        assertThat(change.path("decidedBy").asString()).isEqualTo("cat-admin-bernd");

        assertRefused(approve(adminBernd, changeId), 409, "change-not-pending");
    }

    @Test
    void givenProposalByAnna_whenAnnaRejects_thenForbiddenFourEyes_andWhenBerndRejects_thenNeverInForce() {
        String code = freshCode();
        String changeId = proposed(adminAnna, put("33", code));
        String rejectPath = CHANGES + "/" + changeId + "/reject";

        assertRefused(http.post(rejectPath, Map.of("reason", "zurückgezogen")).token(adminAnna).send(), 403, "four-eyes");
        assertInvalid(http.post(rejectPath, Map.of("reason", " ")).token(adminBernd).send(), "reason", "required");
        Http.Response rejected = http.post(rejectPath, Map.of("reason", "Rechtsgrundlage ungenau")).token(adminBernd).send();
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().path("status").asString()).isEqualTo("REJECTED");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(listed(CHANGES, adminAnna, changeId).path("status").asString()).isEqualTo("REJECTED"));
        JsonNode change = listed(CHANGES, adminAnna, changeId);
        assertThat(change.path("rejectionReason").asString()).isEqualTo("Rechtsgrundlage ungenau");
        assertThat(change.path("decidedBy").asString()).isEqualTo("cat-admin-bernd");
        assertThat(inForce(code)).isEmpty();
        assertThat(catalogued(code)).isNull();
        assertRefused(approve(adminBernd, changeId), 409, "change-not-pending");
    }

    @Test
    void givenPendingChanges_whenListingPending_thenOnlyPendingNewestFirst_andPagedWithACursor() {
        String older = proposed(adminAnna, put("33", freshCode()));
        String newer = proposed(adminAnna, put("33", freshCode()));
        String decided = proposed(adminAnna, put("33", freshCode()));
        approved(decided);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(listed(CHANGES, adminAnna, decided).path("status").asString()).isEqualTo("APPROVED"));
        // page by one until both of this test's pending changes have been seen (they are the newest)
        List<String> pending = new ArrayList<>();
        String cursor = null;
        do {
            Http.Response response = http.get(CHANGES + "?status=PENDING&limit=1" + (cursor == null ? "" : "&cursor=" + cursor))
                    .token(adminBernd).send();
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().path("items").size()).isLessThanOrEqualTo(1);
            response.json().path("items").forEach(c -> {
                assertThat(c.path("status").asString()).isEqualTo("PENDING");
                pending.add(c.path("changeId").asString());
            });
            cursor = response.text("nextCursor");
        } while (cursor != null && !pending.contains(older));
        assertThat(pending).as("newest first, the approved one left out").containsExactly(newer, older);
    }

    // ---- withdrawal -----------------------------------------------------------------------------

    @Test
    void givenPurposeInForce_whenAWithdrawalIsApproved_thenItIsNoLongerInForce() {
        String code = freshCode();
        approved(proposed(adminAnna, put("33", code)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(inForce(code)).isPresent());

        String withdrawal = proposed(adminBernd, withdraw("33", code));
        assertRefused(approve(adminBernd, withdrawal), 403, "four-eyes");
        Http.Response approvedByAnna = approve(adminAnna, withdrawal);
        assertThat(approvedByAnna.status()).as(approvedByAnna.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(inForce(code)).isEmpty());
        assertThat(purposes.of(RESIDENTS)).extracting(p -> p.code().value()).doesNotContain(code).contains("BMG-34");
        assertThat(catalogued(code)).isNull();
        JsonNode change = listed(CHANGES, adminAnna, withdrawal);
        assertThat(change.path("kind").asString()).isEqualTo("WITHDRAW");
        assertThat(change.path("name").isNull()).isTrue();

        // withdrawn is withdrawn: a second withdrawal names nothing in force
        assertInvalid(http.post(CHANGES, withdraw("33", code)).token(adminAnna).send(), "code", "purpose-not-in-force");
    }

    // ---- the DPO --------------------------------------------------------------------------------

    @Test
    void givenChange_whenTheDpoAttachesOpinions_thenTheLatestIsShownToAdminsAndTheDpo() {
        String changeId = proposed(adminAnna, put("33", freshCode()));
        String opinionPath = DPO_CHANGES + "/" + changeId + "/opinion";

        Http.Response first = http.post(opinionPath, Map.of("opinion", "Bitte Kategorien begründen.")).token(dpo).send();
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.text("changeId")).isEqualTo(changeId);
        approved(changeId);
        Http.Response second = http.post(opinionPath, Map.of("opinion", "Keine Bedenken.")).token(dpo).send();
        assertThat(second.status()).as("also on a decided change: " + second.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                listed(DPO_CHANGES, dpo, changeId).path("dpoOpinion").path("opinion").asString()).isEqualTo("Keine Bedenken."));
        JsonNode seenByDpo = listed(DPO_CHANGES, dpo, changeId);
        assertThat(seenByDpo.path("dpoOpinion").path("by").asString()).isEqualTo("cat-dpo-dora");
        assertThat(seenByDpo.path("dpoOpinion").path("at").isNull()).isFalse();
        assertThat(seenByDpo.path("status").asString()).isEqualTo("APPROVED");
        assertThat(listed(CHANGES, adminAnna, changeId).path("dpoOpinion").path("opinion").asString())
                .isEqualTo("Keine Bedenken.");
        Http.Response single = http.get(CHANGES + "/" + changeId).token(adminBernd).send();
        assertThat(single.json().path("dpoOpinion").path("opinion").asString()).isEqualTo("Keine Bedenken.");

        assertInvalid(http.post(opinionPath, Map.of("opinion", "")).token(dpo).send(), "opinion", "required");
    }

    // ---- the audit trail ------------------------------------------------------------------------

    @Test
    void givenApprovedChange_whenReadingTheEventStore_thenEveryEventNamesItsActorInTheMetadata() {
        String code = freshCode();
        String changeId = proposed(adminAnna, put("33", code));
        approved(changeId);
        assertThat(http.post(DPO_CHANGES + "/" + changeId + "/opinion", Map.of("opinion", "ok")).token(dpo).send().status())
                .isEqualTo(200);

        assertThat(events.count(changeId)).isEqualTo(3);
        List<String> types = jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", String.class, changeId);
        assertThat(types).containsExactly("de.eakte.core.catalogue.changes.PurposeChangeProposed",
                "de.eakte.core.catalogue.changes.PurposeChangeApproved",
                "de.eakte.core.catalogue.changes.DpoOpinionAttached");
        assertThat(jdbc.queryForList("SELECT aggregate_type FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class, changeId)).containsOnly("PurposeChange");

        JsonNode proposal = events.metaData(changeId, 0);
        assertThat(proposal.path("actorSubject").asString()).isEqualTo("cat-admin-anna");
        assertThat(proposal.path("actorRole").asString()).isEqualTo("admin");
        assertThat(proposal.has("actorOffice")).isFalse();
        assertThat(proposal.path("correlationId").asString()).isNotBlank();
        assertThat(proposal.path("proposerFingerprint").asString()).hasSize(64).doesNotContain("anna");
        assertThat(events.metaData(changeId, 1).path("actorSubject").asString()).isEqualTo("cat-admin-bernd");
        assertThat(events.metaData(changeId, 1).path("actorRole").asString()).isEqualTo("admin");
        assertThat(events.metaData(changeId, 2).path("actorSubject").asString()).isEqualTo("cat-dpo-dora");
        assertThat(events.metaData(changeId, 2).path("actorRole").asString()).isEqualTo("dpo");

        JsonNode payload = events.payload(changeId, 0);
        assertThat(payload.path("code").asString()).isEqualTo(code);
        assertThat(payload.path("kind").asString()).isEqualTo("PUT");
        assertThat(payload.toString()).as("the payload names no actor").doesNotContain("cat-admin-anna");
        assertThat(events.payload(changeId, 1).toString()).doesNotContain("cat-admin-bernd");
    }

    // ---- creation: idempotency and bad input -----------------------------------------------------

    @Test
    void givenIdempotencyKey_whenProposingTwice_thenOneChange() {
        Map<String, Object> body = put("33", freshCode());
        String key = UUID.randomUUID().toString();
        Http.Response first = http.post(CHANGES, body).token(adminAnna).header("Idempotency-Key", key).send();
        Http.Response again = http.post(CHANGES, body).token(adminAnna).header("Idempotency-Key", key).send();

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.text("changeId")).isEqualTo(first.text("changeId"));
        assertThat(events.count(first.text("changeId"))).isEqualTo(1);
    }

    @Test
    void givenBadProposals_whenProposing_thenValidationProblemsNamingFieldAndRule() {
        String code = freshCode();
        long before = events.total();

        Map<String, Object> noKind = put("33", code);
        noKind.remove("kind");
        assertInvalid(http.post(CHANGES, noKind).token(adminAnna).send(), "kind", "required");
        Map<String, Object> oddKind = put("33", code);
        oddKind.put("kind", "DELETE");
        assertInvalid(http.post(CHANGES, oddKind).token(adminAnna).send(), "kind", "one-of");
        Map<String, Object> oddCode = put("33", code);
        oddCode.put("code", "waffg 5");
        assertInvalid(http.post(CHANGES, oddCode).token(adminAnna).send(), "code", "purpose-code");
        assertInvalid(http.post(CHANGES, put("99", code)).token(adminAnna).send(), "office", "office-unknown");
        assertInvalid(http.post(CHANGES, put("3x", code)).token(adminAnna).send(), "office", "office-code");
        Map<String, Object> oddCategory = put("33", code);
        oddCategory.put("categories", List.of("EVERYTHING"));
        assertInvalid(http.post(CHANGES, oddCategory).token(adminAnna).send(), "categories", "one-of");
        Map<String, Object> noCategories = put("33", code);
        noCategories.put("categories", List.of());
        assertInvalid(http.post(CHANGES, noCategories).token(adminAnna).send(), "categories", "categories-required");
        Map<String, Object> unknownCaseOffice = put("33", code);
        unknownCaseOffice.put("caseOffices", List.of("99"));
        assertInvalid(http.post(CHANGES, unknownCaseOffice).token(adminAnna).send(), "caseOffices", "office-unknown");
        Map<String, Object> both = put("33", code);
        both.put("allOffices", true);
        assertInvalid(http.post(CHANGES, both).token(adminAnna).send(), "caseOffices", "case-offices-or-all-offices");
        Map<String, Object> unnamed = put("33", code);
        unnamed.put("name", " ");
        assertInvalid(http.post(CHANGES, unnamed).token(adminAnna).send(), "name", "required");
        Map<String, Object> noReason = put("33", code);
        noReason.remove("reason");
        assertInvalid(http.post(CHANGES, noReason).token(adminAnna).send(), "reason", "required");
        Map<String, Object> longName = put("33", code);
        longName.put("name", "x".repeat(201));
        assertInvalid(http.post(CHANGES, longName).token(adminAnna).send(), "name", "max-length");
        Map<String, Object> withdrawalWithName = new LinkedHashMap<>(withdraw("33", "BMG-34"));
        withdrawalWithName.put("name", "Neu");
        assertInvalid(http.post(CHANGES, withdrawalWithName).token(adminAnna).send(), "name",
                "withdrawal-has-no-definition");
        assertInvalid(http.post(CHANGES, withdraw("33", code)).token(adminAnna).send(), "code", "purpose-not-in-force");
        assertInvalid(http.post(CHANGES, "{\"kind\":").token(adminAnna).send(), null, "json");
        assertInvalid(http.post(CHANGES, "{\"kind\":\"PUT\",\"categories\":\"MASTER_DATA\"}").token(adminAnna).send(),
                "categories", "type");

        assertThat(events.total()).as("no refused proposal stored anything").isEqualTo(before);
    }

    @Test
    void givenUnknownOrOddChangeIds_whenDeciding_thenNotFoundOrInvalid() {
        assertProblem(approve(adminBernd, UUID.randomUUID().toString()), 404, "not-found");
        assertInvalid(approve(adminBernd, "1-1-1-1-1"), "changeId", "uuid");
        assertProblem(http.get(CHANGES + "/" + UUID.randomUUID()).token(adminBernd).send(), 404, "not-found");
        assertInvalid(http.get(CHANGES + "?status=DONE").token(adminBernd).send(), "status", "one-of");
        assertInvalid(http.get(CHANGES + "?limit=0").token(adminBernd).send(), "limit", "range");
        assertInvalid(http.get(CHANGES + "?cursor=abc").token(adminBernd).send(), "cursor", "cursor");
    }

    @Test
    void givenACaseId_whenApprovingItAsAChange_thenNotFound() {
        String clerk = staffToken("cat-clerk", "33");
        String citizenId = createCitizen(clerk, citizenBody("Katalog", "Kai", "1990-02-02"));
        Http.Response opened = openCase(clerk, citizenId, "identity-card", "Personalausweis");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);

        assertProblem(approve(adminBernd, opened.text("caseId")), 404, "not-found");
    }
}
