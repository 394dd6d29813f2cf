package de.eakte.api.accesslog;

import de.eakte.api.support.Http;
import de.eakte.api.support.PostgresApiTest;
import de.eakte.api.support.StoredEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * The citizen's access log in the Data Tracker's shape over HTTP on PostgreSQL: after four staff
 * reads of the citizen's file, findUsage lists them newest first with totalUsages, offset paging
 * shows each once, usagePeriod spans them, heartbeat answers; bad bodies are 400 problems, staff
 * are refused, the staff member is never named and reading is not itself recorded.
 */
class DataTrackerIT extends PostgresApiTest {

    private static final String BASE = "/api/me/data-tracker";
    private static final String JUSTIFICATION = "Notfall: Polizei vor Ort, Gefahr im Verzug";

    private StoredEvents events;
    private String run;
    private String annaSubject;
    private String veraSubject;
    private String bertSubject;
    private String sinaSubject;

    @BeforeEach
    void setUp() {
        events = new StoredEvents(jdbc);
        run = UUID.randomUUID().toString().substring(0, 8);
        annaSubject = "dtrk-anna-" + run;
        veraSubject = "dtrk-vera-" + run;
        bertSubject = "dtrk-bert-" + run;
        sinaSubject = "dtrk-sina-" + run;
    }

    private record Fixture(String citizenId, String token) {
    }

    /** Four staff reads one second apart: case context (33), AMTSHILFE (36), denied (32), break-glass (50). */
    private Fixture fixture(String familyName) {
        String citizenId = staffReadAFile(new StaffSubjects(annaSubject, veraSubject, bertSubject, sinaSubject),
                familyName, run, 1, JUSTIFICATION);
        Fixture fixture = new Fixture(citizenId, token("citizen", "dtrk-mia-" + run, null, citizenId));
        // the read model is a tracking processor: a generous wait on a loaded machine, not a speed assertion
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(findUsage(fixture.token(), Map.of()).json().path("totalUsages").asLong())
                        .isEqualTo(4));
        return fixture;
    }

    @Test
    void givenFourStaffReads_whenFindingUsage_thenNewestFirstWithTotalAndNoStaffMember() {
        Fixture mia = fixture("Tracker");

        Http.Response response = findUsage(mia.token(), Map.of("offset", 0, "limit", 20));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("totalUsages").asLong()).isEqualTo(4);
        JsonNode usages = body.path("usages");
        assertThat(usages).hasSize(4);
        assertThat(receiverCodes(usages)).containsExactly("50", "32", "36", "33");
        assertThat(logtimes(usages)).isSortedAccordingTo((a, b) -> b.compareTo(a)).doesNotHaveDuplicates();
        usages.forEach(u -> assertThat(u.path("receiverSystem").asString()).isEqualTo("eAkte"));
        assertThat(usages.get(0).path("receiverName").asString()).isEqualTo("Sozialamt");
        assertThat(usages.get(1).path("receiverName").asString()).isEqualTo("Gewerbeamt");
        assertThat(usages.get(2).path("action").asString()).isEqualTo("AMTSHILFE (VwVfG §§ 4-8)");
        assertThat(usages.get(3).path("receiverName").asString()).isEqualTo("Bürgeramt (Einwohnermeldeamt)");
        usages.forEach(u -> assertThat(u.path("action").asString()).isNotBlank());
        // CJEU C-579/21: never the employee, nor the justification they wrote
        assertThat(response.body()).doesNotContain(annaSubject).doesNotContain(veraSubject)
                .doesNotContain(bertSubject).doesNotContain(sinaSubject).doesNotContain("dtrk-")
                .doesNotContain(JUSTIFICATION).doesNotContain("actorSubject");

        // a period: from the second usage to the third, both inclusive, as instants; the whole day as dates
        String newest = usages.get(0).path("logtime").asString();
        String second = usages.get(1).path("logtime").asString();
        String third = usages.get(2).path("logtime").asString();
        JsonNode period = findUsage(mia.token(), Map.of("periodStart", third, "periodEnd", second)).json();
        assertThat(period.path("totalUsages").asLong()).isEqualTo(2);
        assertThat(receiverCodes(period.path("usages"))).containsExactly("32", "36");
        JsonNode fromNewest = findUsage(mia.token(), Map.of("periodStart", newest, "periodEnd", newest)).json();
        assertThat(receiverCodes(fromNewest.path("usages"))).containsExactly("50");
        String day = newest.substring(0, 10);
        JsonNode wholeDay = findUsage(mia.token(), Map.of("periodStart", day, "periodEnd", day)).json();
        assertThat(wholeDay.path("totalUsages").asLong()).as(wholeDay.toString()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void givenLimits_whenPagingByOffset_thenEveryUsageExactlyOnceNewestFirst() {
        Fixture mia = fixture("Seiten");
        List<String> all = receiverCodes(findUsage(mia.token(), Map.of()).json().path("usages"));

        for (int limit : new int[] {1, 3}) {
            List<String> seen = new ArrayList<>();
            for (int offset = 0; offset < 6; offset += limit) {
                JsonNode page = findUsage(mia.token(), Map.of("offset", offset, "limit", limit)).json();
                assertThat(page.path("totalUsages").asLong()).isEqualTo(4);
                assertThat(page.path("usages").size()).isLessThanOrEqualTo(limit);
                seen.addAll(receiverCodes(page.path("usages")));
            }
            assertThat(seen).as("limit " + limit).containsExactlyElementsOf(all);
        }
    }

    @Test
    void givenUsages_whenAskingThePeriodAndHeartbeat_thenTheySpanThemAndNothingIsRecorded() {
        Fixture mia = fixture("Zeitraum");
        List<Instant> times = logtimes(findUsage(mia.token(), Map.of()).json().path("usages"));
        long mark = events.mark();

        Http.Response period = http.get(BASE + "/usagePeriod").token(mia.token()).send();
        Http.Response heartbeat = http.get(BASE + "/heartbeat").token(mia.token()).send();
        Http.Response found = findUsage(mia.token(), Map.of("limit", 2));

        assertThat(period.status()).as(period.body()).isEqualTo(200);
        assertThat(Instant.parse(period.json().path("startTime").asString())).isEqualTo(times.get(3));
        assertThat(Instant.parse(period.json().path("endTime").asString())).isEqualTo(times.get(0));
        assertThat(heartbeat.status()).as(heartbeat.body()).isEqualTo(200);
        assertThat(heartbeat.json().path("status").asString()).isEqualTo("OK");
        assertThat(Instant.parse(heartbeat.json().path("time").asString())).isNotNull();
        assertThat(found.status()).isEqualTo(200);
        assertThat(events.payloadsSince(mark, StoredEvents.ACCESS_RECORDED)).isEmpty();

        String ole = token("citizen", "dtrk-ole-" + run, null, UUID.randomUUID().toString());
        JsonNode empty = http.get(BASE + "/usagePeriod").token(ole).send().json();
        assertThat(empty.path("startTime").isNull()).as(empty.toString()).isTrue();
        assertThat(empty.path("endTime").isNull()).as(empty.toString()).isTrue();
        JsonNode none = findUsage(ole, Map.of()).json();
        assertThat(none.path("totalUsages").asLong()).isZero();
        assertThat(none.path("usages")).isEmpty();
    }

    @Test
    void givenBadBodies_whenFindingUsage_then400NamingFieldAndRule() {
        String mia = token("citizen", "dtrk-mia-" + run, null, UUID.randomUUID().toString());

        assertInvalid(findUsage(mia, Map.of("limit", 0)), "limit", "range");
        assertInvalid(findUsage(mia, Map.of("limit", 101)), "limit", "range");
        assertInvalid(findUsage(mia, Map.of("offset", -1)), "offset", "range");
        assertInvalid(findUsage(mia, Map.of("periodStart", "gestern")), "periodStart", "iso-instant-or-date");
        assertInvalid(findUsage(mia, Map.of("periodEnd", "2026-13-01")), "periodEnd", "iso-instant-or-date");
        assertInvalid(findUsage(mia, Map.of("periodStart", "2026-11-21T10:00:00Z", "periodEnd", "2026-11-21T09:00:00Z")),
                "periodEnd", "after-period-start");
        assertInvalid(findUsage(mia, Map.of("periodStart", "2026-11-22", "periodEnd", "2026-11-21")),
                "periodEnd", "after-period-start");
        assertInvalid(findUsage(mia, Map.of("limit", "zehn")), "limit", null);
        assertInvalid(http.post(BASE + "/findUsage", "{not json").token(mia).send(), null, null);
        assertThat(findUsage(mia, Map.of("periodStart", "2026-11-21", "periodEnd", "2026-11-21", "limit", 100))
                .status()).isEqualTo(200);
    }

    @Test
    void givenStaffOrNoToken_whenCallingTheDataTracker_thenRefused() {
        String staff = staffToken(annaSubject, "33");

        assertProblem(findUsage(staff, Map.of()), 403, "forbidden-role");
        assertProblem(http.get(BASE + "/usagePeriod").token(staff).send(), 403, "forbidden-role");
        assertProblem(http.get(BASE + "/heartbeat").token(staff).send(), 403, "forbidden-role");
        assertProblem(http.post(BASE + "/findUsage", (Object) Map.of()).send(), 401, "unauthenticated");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Http.Response findUsage(String token, Map<String, Object> body) {
        return http.post(BASE + "/findUsage", (Object) body).token(token).send();
    }

    private static String fileOf(String citizenId) {
        return "/api/citizens/" + citizenId + "/file";
    }

    private static List<String> receiverCodes(JsonNode usages) {
        List<String> codes = new ArrayList<>();
        usages.forEach(u -> codes.add(u.path("receiverCode").asString()));
        return codes;
    }

    private static List<Instant> logtimes(JsonNode usages) {
        List<Instant> times = new ArrayList<>();
        usages.forEach(u -> times.add(Instant.parse(u.path("logtime").asString())));
        return times;
    }
}
