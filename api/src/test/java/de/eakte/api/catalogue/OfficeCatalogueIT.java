package de.eakte.api.catalogue;

import de.eakte.api.support.Http;
import de.eakte.api.support.PostgresApiTest;
import de.eakte.api.support.StoredEvents;
import de.eakte.core.catalogue.OfficeDirectory;
import de.eakte.core.shared.OfficeCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static de.eakte.api.support.ProblemAssertions.assertInvalid;
import static de.eakte.api.support.ProblemAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Office changes over HTTP on PostgreSQL: an office proposed by one admin is in force only once
 * another approved it (four eyes), and then case types can be proposed for it. Office 37 is used
 * by no other test of the shared context.
 */
class OfficeCatalogueIT extends PostgresApiTest {

    static final String CHANGES = OfficeChangeController.CHANGES;
    static final String DPO_CHANGES = OfficeChangeController.DPO_CHANGES;

    @Autowired
    private OfficeDirectory offices;

    private StoredEvents events;
    private String adminAnna;
    private String adminBernd;
    private String dpo;

    @BeforeEach
    void setUp() {
        events = new StoredEvents(jdbc);
        adminAnna = token("admin", "of-admin-anna", null, null);
        adminBernd = token("admin", "of-admin-bernd", null, null);
        dpo = token("dpo", "of-dpo-dora", null, null);
    }

    private JsonNode catalogued(String code) {
        for (JsonNode office : http.get("/api/catalogue").token(adminAnna).send().json().path("offices")) {
            if (office.path("code").asString().equals(code)) {
                return office;
            }
        }
        return null;
    }

    private Http.Response proposeCaseType(String code) {
        Map<String, Object> body = CaseTypeCatalogueIT.drivingLicence(code);
        body.put("office", "37");
        return http.post(CaseTypeChangeController.CHANGES, body).token(adminAnna).send();
    }

    @Test
    void givenOfficeProposedByAnna_whenAnnaApproves_thenFourEyes_andOnceBerndApproved_thenInForceForNewCaseTypes() {
        String typeCode = "driving-licence-" + Integer.toString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff), 16);
        assertInvalid(proposeCaseType(typeCode), "office", "office-unknown");
        assertThat(catalogued("37")).isNull();

        Http.Response proposed = http.post(CHANGES, Map.of("kind", "ADD", "code", "37",
                "name", "Fahrerlaubnisbehörde", "reason", "Die Fahrerlaubnisbehörde wird ein eigenes Amt."))
                .token(adminAnna).send();
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        assertThat(proposed.json().path("status").asString()).isEqualTo("PENDING");
        String changeId = proposed.text("changeId");

        Http.Response opinion = http.post(DPO_CHANGES + "/" + changeId + "/opinion",
                Map.of("opinion", "Keine Bedenken.")).token(dpo).send();
        assertThat(opinion.status()).as(opinion.body()).isEqualTo(200);

        assertRefused(http.post(CHANGES + "/" + changeId + "/approve", "").token(adminAnna).send(), 403,
                "four-eyes");
        assertThat(offices.office(OfficeCode.of("37"))).isEmpty();
        Http.Response approved = http.post(CHANGES + "/" + changeId + "/approve", "").token(adminBernd).send();
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(offices.office(OfficeCode.of("37"))).isPresent());
        JsonNode shown = catalogued("37");
        assertThat(shown).isNotNull();
        assertThat(shown.path("name").asString()).isEqualTo("Fahrerlaubnisbehörde");
        assertThat(shown.path("changeId").asString()).isEqualTo(changeId);
        assertThat(catalogued("33").path("changeId").isNull()).as("a seeded default").isTrue();

        Http.Response typeProposed = proposeCaseType(typeCode);
        assertThat(typeProposed.status()).as(typeProposed.body()).isEqualTo(201);

        Http.Response listed = http.get(DPO_CHANGES + "?limit=200").token(dpo).send();
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        JsonNode change = null;
        for (JsonNode item : listed.json().path("items")) {
            if (item.path("changeId").asString().equals(changeId)) {
                change = item;
            }
        }
        assertThat(change).as(listed.body()).isNotNull();
        assertThat(change.path("status").asString()).isEqualTo("APPROVED");
        assertThat(change.path("proposedBy").asString()).isEqualTo("of-admin-anna");
        assertThat(change.path("decidedBy").asString()).isEqualTo("of-admin-bernd");
        assertThat(change.path("dpoOpinion").path("opinion").asString()).isEqualTo("Keine Bedenken.");
        assertThat(http.get(CHANGES + "/" + changeId).token(adminBernd).send().json().path("kind").asString())
                .isEqualTo("ADD");
        assertThat(events.count(changeId)).isEqualTo(3);
    }
}
