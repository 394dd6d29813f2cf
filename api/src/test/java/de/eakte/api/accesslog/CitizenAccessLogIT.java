package de.eakte.api.accesslog;

import de.eakte.api.support.Http;
import de.eakte.api.support.PostgresApiTest;
import de.eakte.api.support.StoredEvents;
import de.eakte.audit.log.CitizenAccessLogProjection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static de.eakte.api.support.ProblemAssertions.assertInvalid;
import static de.eakte.api.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A citizen's access log over HTTP on PostgreSQL: staff of four offices read the citizen's data
 * (in their own case context, with a stated purpose, without one and refused, by breaking the
 * glass); the citizen sees each access newest first within moments, with office, purpose, legal
 * basis, categories, outcome and break-glass flag, and never the staff member or their reason.
 * Nobody else sees it; period, office and cursor paging work; bad parameters are 400 problems.
 */
class CitizenAccessLogIT extends PostgresApiTest {

    private static final String JUSTIFICATION = "Notfall: Polizei vor Ort, Gefahr im Verzug";
    private static final String LOG = "/api/me/access-log";

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
        annaSubject = "alog-anna-" + run;
        veraSubject = "alog-vera-" + run;
        bertSubject = "alog-bert-" + run;
        sinaSubject = "alog-sina-" + run;
    }

    /** The citizen, their token, and the reference numbers of the four staff accesses, newest first. */
    private record Fixture(String citizenId, String token, List<String> newestFirst) {
    }

    /**
     * Four accesses one second apart on the test clock, so that newest first is one order: the
     * registration office in its case context, vehicles with the purpose AMTSHILFE, the trade
     * office without a purpose (denied), social services breaking the glass.
     */
    private Fixture fixture(String familyName) {
        long mark = events.mark();
        String citizenId = staffReadAFile(new StaffSubjects(annaSubject, veraSubject, bertSubject, sinaSubject),
                familyName, run, 1, JUSTIFICATION);
        List<String> references = new ArrayList<>();
        for (JsonNode access : events.payloadsSince(mark, StoredEvents.ACCESS_RECORDED)) {
            if (citizenId.equals(access.path("citizenId").asString())) {
                references.add(CitizenAccessLogProjection.referenceNumber(UUID.fromString(access.path("accessId").asString())));
            }
        }
        assertThat(references).as("one access entry per staff read").hasSize(4);
        Collections.reverse(references);
        return new Fixture(citizenId, token("citizen", "alog-mia-" + run, null, citizenId), references);
    }

    @Test
    void givenFourStaffReads_whenTheCitizenReadsTheirLog_thenEachShortlyNewestFirstWithoutTheStaffMember() {
        Fixture mia = fixture("Protokoll");

        // the read model is a tracking processor: entries arrive within milliseconds; the bound is a
        // generous wait on a loaded machine, not a speed assertion (speed lives in the benchmarks)
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(references(log(mia.token(), "").json())).hasSize(4));
        Http.Response response = log(mia.token(), "");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(references(body)).containsExactlyElementsOf(mia.newestFirst());
        assertThat(body.path("nextCursor").isNull()).as(response.body()).isTrue();
        JsonNode breakGlass = body.path("entries").get(0);
        assertThat(breakGlass.path("office").asString()).isEqualTo("50");
        assertThat(breakGlass.path("officeName").asString()).isEqualTo("Sozialamt");
        assertThat(breakGlass.path("outcome").asString()).isEqualTo("BREAK_GLASS");
        assertThat(breakGlass.path("breakGlass").asBoolean()).isTrue();
        assertThat(strings(breakGlass.path("categories"))).contains("MASTER_DATA");
        assertThat(breakGlass.path("channel").asString()).isEqualTo("REST");
        assertThat(breakGlass.path("referenceNumber").asString()).matches("ZP-[0-9A-F]{10}");
        JsonNode denied = body.path("entries").get(1);
        assertThat(denied.path("office").asString()).isEqualTo("32");
        assertThat(denied.path("officeName").asString()).isEqualTo("Gewerbeamt");
        assertThat(denied.path("outcome").asString()).isEqualTo("DENIED");
        assertThat(denied.path("breakGlass").asBoolean()).isFalse();
        assertThat(denied.path("categories")).as("a denial returned no data").isEmpty();
        JsonNode purpose = body.path("entries").get(2);
        assertThat(purpose.path("office").asString()).isEqualTo("36");
        assertThat(purpose.path("purpose").asString()).isEqualTo("AMTSHILFE");
        assertThat(purpose.path("legalBasis").asString()).isEqualTo("VwVfG §§ 4-8");
        assertThat(strings(purpose.path("categories"))).containsExactly("MASTER_DATA", "CASE_SUMMARIES");
        assertThat(purpose.path("outcome").asString()).isEqualTo("GRANTED");
        JsonNode caseContext = body.path("entries").get(3);
        assertThat(caseContext.path("office").asString()).isEqualTo("33");
        assertThat(caseContext.path("officeName").asString()).isEqualTo("Bürgeramt (Einwohnermeldeamt)");
        assertThat(caseContext.path("purpose").isNull()).isTrue();
        assertThat(strings(caseContext.path("categories"))).containsExactly("CASE_SUMMARIES", "CASE_ENTRIES");
        // CJEU C-579/21: not the employee, nor the reason or justification they wrote (it may name them)
        assertThat(response.body()).doesNotContain(annaSubject).doesNotContain(veraSubject)
                .doesNotContain(bertSubject).doesNotContain(sinaSubject).doesNotContain("alog-")
                .doesNotContain(JUSTIFICATION).doesNotContain("Pruefung im Test").doesNotContain("actorSubject")
                .doesNotContain("reason");
    }

    @Test
    void givenAnotherCitizenOrStaff_whenReadingTheAccessLog_thenNoneOfTheseEntries() {
        Fixture mia = fixture("Fremd");
        awaitAll(mia);
        String ole = token("citizen", "alog-ole-" + run, null, UUID.randomUUID().toString());

        Http.Response others = log(ole, "");

        assertThat(others.status()).as(others.body()).isEqualTo(200);
        assertThat(others.json().path("entries")).isEmpty();
        mia.newestFirst().forEach(reference -> assertThat(others.body()).doesNotContain(reference));
        assertProblem(log(staffToken(annaSubject, "33"), ""), 403, "forbidden-role");
        assertProblem(http.get(LOG).send(), 401, "unauthenticated");
    }

    @Test
    void givenPeriodAndOffice_whenFiltering_thenOnlyTheMatchingEntries() {
        Fixture mia = fixture("Filter");
        JsonNode all = awaitAll(mia);
        String newest = all.at("/entries/0/at").asString();
        String second = all.at("/entries/2/at").asString();

        List<String> period = references(log(mia.token(), "?from=" + second + "&to=" + newest).json());
        List<String> fromSecond = references(log(mia.token(), "?from=" + second).json());
        List<String> beforeSecond = references(log(mia.token(), "?to=" + second).json());
        List<String> trade = references(log(mia.token(), "?office=32").json());
        List<String> tradeBefore = references(log(mia.token(), "?office=32&to=" + second).json());

        List<String> expected = mia.newestFirst();
        assertThat(period).containsExactly(expected.get(1), expected.get(2));
        assertThat(fromSecond).containsExactly(expected.get(0), expected.get(1), expected.get(2));
        assertThat(beforeSecond).containsExactly(expected.get(3));
        assertThat(trade).containsExactly(expected.get(1));
        assertThat(tradeBefore).isEmpty();
    }

    @Test
    void givenLimits_whenFollowingTheCursor_thenEveryEntryExactlyOnceNewestFirst() {
        Fixture mia = fixture("Seiten");
        awaitAll(mia);

        for (int limit : new int[] {1, 3}) {
            List<String> seen = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            String cursor = null;
            do {
                String query = "?limit=" + limit + (cursor == null ? "" : "&cursor=" + encode(cursor));
                JsonNode page = log(mia.token(), query).json();
                sizes.add(page.path("entries").size());
                seen.addAll(references(page));
                cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
                assertThat(sizes).as("pages so far").hasSizeLessThanOrEqualTo(5);
            } while (cursor != null);

            assertThat(seen).as("limit " + limit).containsExactlyElementsOf(mia.newestFirst());
            assertThat(sizes).as("limit " + limit).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(limit));
        }
    }

    @Test
    void givenBadParameters_whenReadingTheAccessLog_then400NamingFieldAndRule() {
        String mia = token("citizen", "alog-mia-" + run, null, UUID.randomUUID().toString());

        assertInvalid(log(mia, "?limit=0"), "limit", "range");
        assertInvalid(log(mia, "?limit=101"), "limit", "range");
        assertInvalid(log(mia, "?limit=zehn"), "limit", "range");
        assertInvalid(log(mia, "?cursor=not-a-cursor"), "cursor", "cursor");
        assertInvalid(log(mia, "?cursor=" + encode("MjAyNi0xMS0yMVQwOTozMDowMFp8eHl6")), "cursor", "cursor");
        assertInvalid(log(mia, "?from=gestern"), "from", "iso-instant");
        assertInvalid(log(mia, "?from=2026-11-21T10:00:00Z&to=2026-11-21T09:00:00Z"), "to", "after-from");
        assertInvalid(log(mia, "?office=Sozialamt"), "office", "office-code");
        assertThat(log(mia, "?limit=100").status()).isEqualTo(200);
    }

    @Test
    void givenTheCitizenReadsTheirLog_whenDone_thenNoAccessIsRecordedForIt() {
        Fixture mia = fixture("Still");
        awaitAll(mia);
        long mark = events.mark();

        assertThat(log(mia.token(), "").status()).isEqualTo(200);
        assertThat(log(mia.token(), "?limit=1").status()).isEqualTo(200);

        assertThat(events.payloadsSince(mark, StoredEvents.ACCESS_RECORDED)).isEmpty();
        assertThat(references(log(mia.token(), "").json())).containsExactlyElementsOf(mia.newestFirst());
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Http.Response log(String token, String query) {
        return http.get(LOG + query).token(token).send();
    }

    private JsonNode awaitAll(Fixture fixture) {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(references(log(fixture.token(), "").json())).hasSize(4));
        return log(fixture.token(), "").json();
    }

    private static String fileOf(String citizenId) {
        return "/api/citizens/" + citizenId + "/file";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> references(JsonNode page) {
        List<String> references = new ArrayList<>();
        page.path("entries").forEach(e -> references.add(e.path("referenceNumber").asString()));
        return references;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
