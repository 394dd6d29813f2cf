package de.eakte.api.catalogue;

import de.eakte.api.support.Http;
import de.eakte.api.support.PostgresApiTest;
import de.eakte.api.support.StoredEvents;
import de.eakte.core.catalogue.CaseTypeCode;
import de.eakte.core.catalogue.CaseTypeDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static de.eakte.api.support.ProblemAssertions.assertInvalid;
import static de.eakte.api.support.ProblemAssertions.assertProblem;
import static de.eakte.api.support.ProblemAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Case-type changes over HTTP on PostgreSQL: proposed by one admin, in force only once another
 * approved it (four eyes), and then the type staff open cases of. Every test uses case-type codes
 * of its own, so the seeded defaults stay as they are for the other tests of the shared context.
 */
class CaseTypeCatalogueIT extends PostgresApiTest {

    static final String CHANGES = CaseTypeChangeController.CHANGES;
    static final String DPO_CHANGES = CaseTypeChangeController.DPO_CHANGES;

    @Autowired
    private CaseTypeDirectory caseTypes;

    private StoredEvents events;
    private String adminAnna;
    private String adminBernd;
    private String dpo;

    @BeforeEach
    void setUp() {
        events = new StoredEvents(jdbc);
        adminAnna = token("admin", "ct-admin-anna", null, null);
        adminBernd = token("admin", "ct-admin-bernd", null, null);
        dpo = token("dpo", "ct-dpo-dora", null, null);
    }

    /** A case-type code no other test uses. */
    private static String freshCode() {
        return "driving-licence-" + Integer.toString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff), 16);
    }

    static Map<String, Object> drivingLicence(String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("office", "36");
        body.put("name", "Fahrerlaubnis");
        body.put("filePlanKey", "142.20");
        body.put("targetDays", 14);
        body.put("confidentiality", "NORMAL");
        body.put("retentionYears", 15);
        body.put("disposal", "V");
        body.put("retentionBasis", "FeV § 61");
        body.put("reason", "Die Führerscheinstelle wird der Zulassungsstelle angegliedert.");
        return body;
    }

    private String proposed(String token, Map<String, Object> body) {
        Http.Response response = http.post(CHANGES, body).token(token).send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().path("status").asString()).isEqualTo("PENDING");
        return response.text("changeId");
    }

    private Http.Response approve(String token, String changeId) {
        return http.post(CHANGES + "/" + changeId + "/approve", "").token(token).send();
    }

    private JsonNode catalogued(String code) {
        for (JsonNode type : http.get("/api/catalogue").token(adminAnna).send().json().path("caseTypes")) {
            if (type.path("code").asString().equals(code)) {
                return type;
            }
        }
        return null;
    }

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

    @Test
    void givenProposalByAnna_whenAnnaApproves_thenFourEyes_andOnceBerndApproved_thenStaffOpenCasesOfTheNewType() {
        String code = freshCode();
        String clerk = staffToken("ct-clerk-36", "36");
        String citizenId = createCitizen(clerk, citizenBody("Fahrer", "Frieda", "1985-05-05"));
        String changeId = proposed(adminAnna, drivingLicence(code));

        assertInvalid(openCase(clerk, citizenId, code, "Ersterteilung Klasse B"), "caseType", "case-type-unknown");
        assertThat(catalogued(code)).isNull();

        assertRefused(approve(adminAnna, changeId), 403, "four-eyes");
        assertThat(events.count(changeId)).as("a refusal stores nothing").isEqualTo(1);
        Http.Response approvedByBernd = approve(adminBernd, changeId);
        assertThat(approvedByBernd.status()).as(approvedByBernd.body()).isEqualTo(200);
        assertThat(approvedByBernd.json().path("status").asString()).isEqualTo("APPROVED");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(caseTypes.caseType(CaseTypeCode.of(code))).isPresent());
        JsonNode shown = catalogued(code);
        assertThat(shown).isNotNull();
        assertThat(shown.path("office").asString()).isEqualTo("36");
        assertThat(shown.path("filePlanKey").asString()).isEqualTo("142.20");
        assertThat(shown.path("changeId").asString()).isEqualTo(changeId);
        assertThat(catalogued("vehicle-registration").path("changeId").isNull()).as("a seeded default").isTrue();

        Http.Response opened = openCase(clerk, citizenId, code, "Ersterteilung Klasse B");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.text("fileReference")).startsWith("36-142.20-");
        assertRefused(openCase(staffToken("ct-clerk-33", "33"), citizenId, code, "fremdes Amt"), 403,
                "case-type-of-own-office");

        JsonNode change = listed(CHANGES, adminAnna, changeId);
        assertThat(change.path("status").asString()).isEqualTo("APPROVED");
        assertThat(change.path("proposedBy").asString()).isEqualTo("ct-admin-anna");
        assertThat(change.path("decidedBy").asString()).isEqualTo("ct-admin-bernd");
        assertRefused(approve(adminBernd, changeId), 409, "change-not-pending");
    }

    @Test
    void givenChange_whenTheDpoAttachesAnOpinion_thenItIsListed_andARejectedChangeNeverComesIntoForce() {
        String code = freshCode();
        String changeId = proposed(adminAnna, drivingLicence(code));

        Http.Response opinion = http.post(DPO_CHANGES + "/" + changeId + "/opinion",
                Map.of("opinion", "Aufbewahrungsfrist bitte begründen.")).token(dpo).send();
        assertThat(opinion.status()).as(opinion.body()).isEqualTo(200);
        assertRefused(http.post(CHANGES + "/" + changeId + "/reject", Map.of("reason", "nein")).token(adminAnna).send(),
                403, "four-eyes");
        Http.Response rejected = http.post(CHANGES + "/" + changeId + "/reject", Map.of("reason", "Frist prüfen"))
                .token(adminBernd).send();
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(listed(DPO_CHANGES, dpo, changeId).path("status").asString()).isEqualTo("REJECTED"));
        JsonNode seenByDpo = listed(DPO_CHANGES, dpo, changeId);
        assertThat(seenByDpo.path("dpoOpinion").path("opinion").asString()).isEqualTo("Aufbewahrungsfrist bitte begründen.");
        assertThat(seenByDpo.path("dpoOpinion").path("by").asString()).isEqualTo("ct-dpo-dora");
        assertThat(seenByDpo.path("rejectionReason").asString()).isEqualTo("Frist prüfen");
        assertThat(http.get(CHANGES + "/" + changeId).token(adminBernd).send().json().path("dpoOpinion")
                .path("opinion").asString()).isEqualTo("Aufbewahrungsfrist bitte begründen.");
        assertThat(caseTypes.caseType(CaseTypeCode.of(code))).isEmpty();
        assertThat(catalogued(code)).isNull();
        assertThat(jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", String.class, changeId)).containsExactly(
                "de.eakte.core.catalogue.changes.CaseTypeChangeProposed",
                "de.eakte.core.catalogue.changes.CaseTypeChangeOpinionAttached",
                "de.eakte.core.catalogue.changes.CaseTypeChangeRejected");
        assertThat(events.metaData(changeId, 0).path("actorSubject").asString()).isEqualTo("ct-admin-anna");
        assertThat(events.payload(changeId, 0).toString()).doesNotContain("ct-admin-anna");
    }

    @Test
    void givenBadProposals_whenProposing_thenValidationProblemsNamingFieldAndRule() {
        String code = freshCode();
        long before = events.total();

        Map<String, Object> otherOffice = drivingLicence("passport");
        assertInvalid(http.post(CHANGES, otherOffice).token(adminAnna).send(), "code", "case-type-of-other-office");
        Map<String, Object> unknownOffice = drivingLicence(code);
        unknownOffice.put("office", "99");
        assertInvalid(http.post(CHANGES, unknownOffice).token(adminAnna).send(), "office", "office-unknown");
        Map<String, Object> badKey = drivingLicence(code);
        badKey.put("filePlanKey", "142-20");
        assertInvalid(http.post(CHANGES, badKey).token(adminAnna).send(), "filePlanKey", "file-plan-key");
        Map<String, Object> badCode = drivingLicence("Führerschein");
        assertInvalid(http.post(CHANGES, badCode).token(adminAnna).send(), "code", "case-type-code");
        Map<String, Object> badDisposal = drivingLicence(code);
        badDisposal.put("disposal", "X");
        assertInvalid(http.post(CHANGES, badDisposal).token(adminAnna).send(), "disposal", "one-of");
        Map<String, Object> noDays = drivingLicence(code);
        noDays.remove("targetDays");
        assertInvalid(http.post(CHANGES, noDays).token(adminAnna).send(), "targetDays", "required");
        Map<String, Object> zeroDays = drivingLicence(code);
        zeroDays.put("targetDays", 0);
        assertInvalid(http.post(CHANGES, zeroDays).token(adminAnna).send(), "targetDays", "range");
        assertInvalid(http.post(CHANGES, "{\"code\":").token(adminAnna).send(), null, "json");
        assertProblem(approve(adminBernd, java.util.UUID.randomUUID().toString()), 404, "not-found");

        assertThat(events.total()).as("no refused proposal stored anything").isEqualTo(before);
    }

    @ParameterizedTest(name = "as {0}")
    @ValueSource(strings = {"staff", "citizen", "dpo"})
    void givenTokenOfAnotherRole_whenProposingOrListing_thenForbidden(String role) {
        String token = role.equals("staff") ? staffToken("ct-clerk", "36") : token(role, "ct-" + role, null,
                role.equals("citizen") ? "3f2b8c1e-0c4a-4f7e-9d2a-5b6c7d8e9f01" : null);
        long before = events.total();

        assertProblem(http.post(CHANGES, drivingLicence(freshCode())).token(token).send(), 403, "forbidden-role");
        assertProblem(http.get(CHANGES).token(token).send(), 403, "forbidden-role");
        if (!role.equals("dpo")) {
            assertProblem(http.get(DPO_CHANGES).token(token).send(), 403, "forbidden-role");
        }
        assertProblem(http.post(DPO_CHANGES + "/" + java.util.UUID.randomUUID() + "/opinion", Map.of("opinion", "x"))
                .token(adminAnna).send(), 403, "forbidden-role");
        assertThat(events.total()).isEqualTo(before);
    }
}
