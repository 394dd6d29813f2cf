package de.eakte.api.dpo;

import de.eakte.api.support.Http;
import de.eakte.api.support.PostgresApiTest;
import de.eakte.audit.log.DpoAccessLogProjection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.eakte.api.support.ProblemAssertions.assertInvalid;
import static de.eakte.api.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The DPO's anomaly report over HTTP on PostgreSQL, the look-ups made at chosen times on the shared
 * clock (set back afterwards): a clerk with eight look-ups in an office whose median that day is one
 * is listed, the others are not; a look-up on a purpose alone is without case context, one in the
 * case context or denied is not; look-ups of a blocked citizen and of a citizen with a strictly
 * confidential case are listed, the plain citizen's are not; a break-glass use awaits review until
 * it is reviewed; a look-up on Sunday night and one at 06:59 on Monday are outside office hours
 * (MON-FRI 07:00-19:00 Europe/Berlin), one at 10:00 is not. Each test has its own day, so the
 * medians are its own.
 */
class DpoAnomaliesIT extends PostgresApiTest {

    private static final String REPORT = "/api/dpo/anomalies";

    @Autowired
    private DpoAccessLogProjection view;

    private String run;
    private String dpo;
    private Instant before;

    @BeforeEach
    void setUp() {
        run = UUID.randomUUID().toString().substring(0, 8);
        dpo = token("dpo", "anom-dora-" + run, null, null);
        before = clock.instant();
    }

    @AfterEach
    void clockBack() {
        // the context and its clock are shared by every IT: leave it as it was
        clock.set(before);
    }

    private String subject(String name) {
        return "anom-" + name + "-" + run;
    }

    private String pseudonym(String name) {
        return view.pseudonym(subject(name));
    }

    @Test
    void givenADayOfLookUps_whenReported_thenEachSectionListsWhatMustAndNothingElse() {
        // Monday 2031-03-03, 10:00 in Berlin (UTC+1)
        Instant day = Instant.parse("2031-03-03T09:00:00Z");
        clock.set(day);
        String anna = staffToken(subject("anna"), "33");
        String plain = createCitizen(anna, citizenBody("Anomalie", "Paula", "1980-01-01"));
        Http.Response idCard = opened(anna, plain, "identity-card", "Personalausweis " + run);
        String consistency = idCard.header("Consistency-Token");
        // anna: eight look-ups in her case context
        for (int i = 0; i < 8; i++) {
            clock.advance(Duration.ofSeconds(10));
            Http.Response own = http.get("/api/cases/" + idCard.text("caseId")).token(anna)
                    .header("Consistency-Token", consistency).send();
            assertThat(own.status()).as(own.body()).isEqualTo(200);
        }
        // bert and carl (33): one look-up each, so the office's median that day is 1
        for (String name : List.of("bert", "carl")) {
            clock.advance(Duration.ofSeconds(10));
            assertThat(http.get(fileOf(plain)).token(staffToken(subject(name), "33")).send().status()).isEqualTo(200);
        }
        // vera (36): on a stated purpose, no case context
        clock.advance(Duration.ofSeconds(10));
        Http.Response amtshilfe = http.get(fileOf(plain)).token(staffToken(subject("vera"), "36")).purpose("AMTSHILFE")
                .send();
        assertThat(amtshilfe.status()).as(amtshilfe.body()).isEqualTo(200);
        // olaf (32): no purpose, denied
        clock.advance(Duration.ofSeconds(10));
        assertProblem(http.get(fileOf(plain)).token(staffToken(subject("olaf"), "32")).send(), 403, "access-denied");

        // a blocked citizen, read by the registration office in its case context
        String blockedCitizen = createCitizen(anna, citizenBody("Gesperrt", "Bea", "1981-02-02"));
        opened(anna, blockedCitizen, "registration", "Anmeldung " + run);
        Http.Response blocked = http.post("/api/citizens/" + blockedCitizen + "/information-block",
                Map.of("kind", "BLOCK")).token(anna).send();
        assertThat(blocked.status()).as(blocked.body()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(10));
        Http.Response blockedRead = http.get(fileOf(blockedCitizen)).token(staffToken(subject("dana"), "33"))
                .header("Consistency-Token", blocked.header("Consistency-Token")).send();
        assertThat(blockedRead.status()).as(blockedRead.body()).isEqualTo(200);

        // a citizen with a strictly confidential case (housing benefit, social services)
        String social = staffToken(subject("sina"), "50");
        String confidential = createCitizen(social, citizenBody("Vertraulich", "Cem", "1982-03-03"));
        Http.Response benefit = opened(social, confidential, "housing-benefit", "Wohngeld " + run);
        clock.advance(Duration.ofSeconds(10));
        Http.Response confidentialRead = http.get(fileOf(confidential)).token(staffToken(subject("emil"), "36"))
                .purpose("AMTSHILFE").header("Consistency-Token", benefit.header("Consistency-Token")).send();
        assertThat(confidentialRead.status()).as(confidentialRead.body()).isEqualTo(200);

        // a break-glass use, not yet reviewed
        clock.advance(Duration.ofSeconds(10));
        Http.Response emergency = http.get(fileOf(plain)).token(staffToken(subject("gero"), "63"))
                .header("Access-Break-Glass", "Notfall: Feuerwehr braucht Anschrift " + run).send();
        assertThat(emergency.status()).as(emergency.body()).isEqualTo(200);

        String period = "?from=2031-03-03&to=2031-03-04";
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> assertThat(
                staffIn(report(period), "strictlyConfidentialOrBlocked")).contains(pseudonym("emil")));
        JsonNode report = report(period);

        assertThat(report.path("from").asString()).isEqualTo("2031-03-02T23:00:00Z");
        assertThat(report.path("officeHours").asString()).isEqualTo("MON,TUE,WED,THU,FRI 07:00-19:00");
        assertThat(report.path("timeZone").asString()).isEqualTo("Europe/Berlin");
        List<JsonNode> heavy = items(report, "dailyLookupsAboveOfficeMedian");
        assertThat(heavy).extracting(h -> h.path("staff").asString()).containsExactly(pseudonym("anna"));
        assertThat(heavy.get(0).path("lookups").asLong()).isGreaterThanOrEqualTo(8);
        assertThat(heavy.get(0).path("officeMedian").asDouble()).isEqualTo(1.0);
        assertThat(heavy.get(0).path("day").asString()).isEqualTo("2031-03-03");
        assertThat(heavy.get(0).path("office").asString()).isEqualTo("33");

        List<String> withoutContext = staffIn(report, "withoutCaseContext");
        assertThat(withoutContext).contains(pseudonym("vera"), pseudonym("emil"), pseudonym("gero"))
                .doesNotContain(pseudonym("anna"), pseudonym("bert"), pseudonym("olaf"), pseudonym("dana"));
        JsonNode vera = entryOf(report, "withoutCaseContext", pseudonym("vera"));
        assertThat(vera.path("purpose").asString()).isEqualTo("AMTSHILFE");
        assertThat(vera.at("/facts/caseContext").isEmpty()).isTrue();

        List<JsonNode> sensitive = items(report, "strictlyConfidentialOrBlocked");
        assertThat(sensitive).extracting(e -> e.path("citizenId").asString())
                .contains(blockedCitizen, confidential).doesNotContain(plain);
        JsonNode dana = entryOf(report, "strictlyConfidentialOrBlocked", pseudonym("dana"));
        assertThat(dana.at("/facts/informationBlock").asString()).isEqualTo("BLOCK");
        assertThat(dana.at("/facts/caseContext").get(0).asString()).startsWith("33-");
        assertThat(entryOf(report, "strictlyConfidentialOrBlocked", pseudonym("emil"))
                .at("/facts/strictlyConfidential").asBoolean()).isTrue();

        assertThat(staffIn(report, "outsideOfficeHours")).doesNotContain(pseudonym("anna"), pseudonym("vera"));
        List<JsonNode> awaiting = items(report, "breakGlassAwaitingReview");
        assertThat(awaiting).extracting(g -> g.path("staff").asString()).contains(pseudonym("gero"));
        assertThat(report.toString()).doesNotContain(subject("gero")).doesNotContain(subject("anna"))
                .doesNotContain("Notfall");

        // the review is the existing recorded action; afterwards the use no longer awaits one
        String grantId = awaiting.stream().filter(g -> g.path("staff").asString().equals(pseudonym("gero")))
                .findFirst().orElseThrow().path("grantId").asString();
        Http.Response reviewed = http.post("/api/dpo/break-glass/" + grantId + "/review",
                Map.of("verdict", "JUSTIFIED", "note", "Feuerwehreinsatz bestätigt")).token(dpo).send();
        assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
        assertThat(items(report(period), "breakGlassAwaitingReview")).extracting(g -> g.path("grantId").asString())
                .doesNotContain(grantId);
    }

    @Test
    void givenLookUpsOnSundayNightEarlyMondayAndMondayMorning_whenReported_thenOnlyThoseOutsideOfficeHours() {
        String anna = staffToken(subject("anna"), "33");
        // Sunday 2031-03-16, 23:00 in Berlin
        clock.set(Instant.parse("2031-03-16T22:00:00Z"));
        String citizenId = createCitizen(anna, citizenBody("Nachts", "Nora", "1983-04-04"));
        Http.Response idCard = opened(anna, citizenId, "identity-card", "Ausweis " + run);
        Http.Response sunday = http.get("/api/cases/" + idCard.text("caseId")).token(anna)
                .header("Consistency-Token", idCard.header("Consistency-Token")).send();
        assertThat(sunday.status()).as(sunday.body()).isEqualTo(200);
        // Monday 06:59 and 10:00
        clock.set(Instant.parse("2031-03-17T05:59:00Z"));
        assertThat(http.get(fileOf(citizenId)).token(staffToken(subject("frueh"), "33")).send().status()).isEqualTo(200);
        clock.set(Instant.parse("2031-03-17T09:00:00Z"));
        assertThat(http.get(fileOf(citizenId)).token(staffToken(subject("tag"), "33")).send().status()).isEqualTo(200);
        // 19:00 is closing time: outside
        clock.set(Instant.parse("2031-03-17T18:00:00Z"));
        assertThat(http.get(fileOf(citizenId)).token(staffToken(subject("spaet"), "33")).send().status()).isEqualTo(200);

        String period = "?from=2031-03-16T00:00:00Z&to=2031-03-18T00:00:00Z";
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> assertThat(
                staffIn(report(period), "outsideOfficeHours")).contains(pseudonym("spaet")));

        List<JsonNode> outside = items(report(period), "outsideOfficeHours");
        assertThat(outside).filteredOn(e -> e.path("citizenId").asString().equals(citizenId))
                .extracting(e -> e.path("staff").asString())
                .containsExactly(pseudonym("spaet"), pseudonym("frueh"), pseudonym("anna"));
        assertThat(outside.stream().filter(e -> e.path("citizenId").asString().equals(citizenId)).findFirst()
                .orElseThrow().path("at").asString()).isEqualTo("2031-03-17T18:00:00Z");
    }

    @Test
    void givenStaffOrBadPeriods_whenAskingForTheReport_thenRefusedNamingFieldAndRule() {
        assertProblem(http.get(REPORT).token(staffToken(subject("anna"), "33")).send(), 403, "forbidden-role");
        assertProblem(http.get(REPORT).send(), 401, "unauthenticated");
        assertInvalid(http.get(REPORT + "?from=2031-03-04&to=2031-03-03").token(dpo).send(), "to", "after-from");
        assertInvalid(http.get(REPORT + "?from=yesterday").token(dpo).send(), "from", null);
        assertInvalid(http.get(REPORT + "?limit=0").token(dpo).send(), "limit", "range");
        Http.Response defaults = http.get(REPORT).token(dpo).send();
        assertThat(defaults.status()).as(defaults.body()).isEqualTo(200);
        assertThat(Duration.between(Instant.parse(defaults.json().path("from").asString()),
                Instant.parse(defaults.json().path("to").asString()))).isEqualTo(Duration.ofDays(7));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private JsonNode report(String query) {
        Http.Response response = http.get(REPORT + query).token(dpo).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<JsonNode> items(JsonNode report, String section) {
        List<JsonNode> items = new ArrayList<>();
        report.path(section).path("items").forEach(items::add);
        return items;
    }

    private static List<String> staffIn(JsonNode report, String section) {
        return items(report, section).stream().map(e -> e.path("staff").asString()).toList();
    }

    private static JsonNode entryOf(JsonNode report, String section, String staff) {
        return items(report, section).stream().filter(e -> e.path("staff").asString().equals(staff)).findFirst()
                .orElseThrow(() -> new AssertionError(staff + " not in " + section + ": " + report));
    }

    private static String fileOf(String citizenId) {
        return "/api/citizens/" + citizenId + "/file";
    }
}
