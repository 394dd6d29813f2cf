package de.eakte.api.accesslog;

import de.eakte.api.support.Http;
import de.eakte.api.support.PostgresApiTest;
import de.eakte.api.support.StoredEvents;
import de.eakte.audit.log.DpoAccessLogProjection;
import de.eakte.core.access.AccessOutcome;
import de.eakte.core.access.AccessRecorded;
import de.eakte.core.access.Channel;
import de.eakte.core.access.DataCategory;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.OfficeCode;
import de.eakte.core.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static de.eakte.api.support.ProblemAssertions.assertInvalid;
import static de.eakte.api.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The DPO's access log over HTTP on PostgreSQL: after staff of four offices read a citizen's data
 * (one of them twice), the DPO finds the accesses by citizen, office, outcome, break-glass and
 * staff pseudonym; the same staff member keeps one pseudonym, two differ, and no staff subject is
 * shown. The CSV export has a header, escapes formula-like cells and is itself stored as one
 * AccessLogExported event. Staff and citizens are refused.
 */
class DpoAccessLogIT extends PostgresApiTest {

    @org.springframework.beans.factory.annotation.Autowired
    private de.eakte.core.crypto.FieldSealer sealer;

    @org.springframework.beans.factory.annotation.Autowired
    private de.eakte.audit.access.AccessLogRetention retention;


    private static final String LOG = "/api/dpo/access-log";
    private static final String CSV = "/api/dpo/access-log.csv";
    private static final String EXPORTED = "de.eakte.core.access.AccessLogExported";

    @Autowired
    private DpoAccessLogProjection projection;

    private StoredEvents events;
    private String run;
    private String annaSubject;
    private String veraSubject;
    private String bertSubject;
    private String sinaSubject;
    private String dpo;

    @BeforeEach
    void setUp() {
        events = new StoredEvents(jdbc);
        run = UUID.randomUUID().toString().substring(0, 8);
        annaSubject = "dlog-anna-" + run;
        veraSubject = "dlog-vera-" + run;
        bertSubject = "dlog-bert-" + run;
        sinaSubject = "dlog-sina-" + run;
        dpo = token("dpo", "dlog-dora-" + run, null, null);
    }

    /**
     * Five accesses one second apart: anna (33) in her case context twice, vera (36) with AMTSHILFE,
     * bert (32) without a purpose (denied), sina (50) breaking the glass. Answers the citizen id
     * once the DPO's log holds all five.
     */
    private String fixture(String familyName) {
        String citizenId = staffReadAFile(new StaffSubjects(annaSubject, veraSubject, bertSubject, sinaSubject),
                familyName, run, 2, "Notfall: Polizei vor Ort " + run);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(entries(log("?citizen=" + citizenId))).hasSize(5));
        return citizenId;
    }

    @Test
    void givenStaffReads_whenTheDpoQueriesByCitizen_thenEveryAccessNewestFirstWithPseudonymsOnly() {
        String citizenId = fixture("Dpo");

        Http.Response response = http.get(LOG + "?citizen=" + citizenId).token(dpo).send();

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> entries = entries(response);
        assertThat(entries).extracting(e -> e.path("outcome").asString())
                .containsExactly("BREAK_GLASS", "DENIED", "GRANTED", "GRANTED", "GRANTED");
        assertThat(entries).extracting(e -> e.path("office").asString()).containsExactly("50", "32", "36", "33", "33");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.path("staff").asString()).matches("P-[0-9a-f]{12}");
            assertThat(e.path("citizenId").asString()).isEqualTo(citizenId);
        });
        assertThat(entries.get(0).path("breakGlass").asBoolean()).isTrue();
        assertThat(entries.get(2).path("purpose").asString()).isEqualTo("AMTSHILFE");
        assertThat(entries.get(2).path("legalBasis").asString()).isEqualTo("VwVfG §§ 4-8");
        // the same staff member has one pseudonym across reads; different staff members differ
        String anna = entries.get(3).path("staff").asString();
        assertThat(entries.get(4).path("staff").asString()).isEqualTo(anna);
        assertThat(entries.stream().map(e -> e.path("staff").asString()).distinct()).hasSize(4);
        assertThat(response.json().path("total").asLong()).isEqualTo(5);
        assertThat(response.body()).doesNotContain("dlog-").doesNotContain(annaSubject).doesNotContain(veraSubject)
                .doesNotContain(bertSubject).doesNotContain(sinaSubject).doesNotContain("Notfall");
    }

    @Test
    void givenStaffReads_whenFiltered_thenOnlyTheMatchingAccesses() {
        String citizenId = fixture("DpoFilter");
        List<JsonNode> all = entries(log("?citizen=" + citizenId));
        String anna = all.get(4).path("staff").asString();
        String sina = all.get(0).path("staff").asString();

        assertThat(entries(log("?citizen=" + citizenId + "&office=32"))).singleElement()
                .satisfies(e -> assertThat(e.path("outcome").asString()).isEqualTo("DENIED"));
        assertThat(entries(log("?citizen=" + citizenId + "&outcome=denied"))).singleElement()
                .satisfies(e -> assertThat(e.path("office").asString()).isEqualTo("32"));
        assertThat(entries(log("?citizen=" + citizenId + "&breakGlass=true"))).singleElement()
                .satisfies(e -> assertThat(e.path("staff").asString()).isEqualTo(sina));
        assertThat(entries(log("?citizen=" + citizenId + "&breakGlass=false"))).hasSize(4);
        assertThat(entries(log("?staff=" + anna))).hasSize(2)
                .allSatisfy(e -> assertThat(e.path("office").asString()).isEqualTo("33"));
        assertThat(entries(log("?staff=" + sina + "&outcome=BREAK_GLASS"))).hasSize(1);
        String newest = all.get(0).path("at").asString();
        String third = all.get(2).path("at").asString();
        assertThat(entries(log("?citizen=" + citizenId + "&from=" + third + "&to=" + newest)))
                .extracting(e -> e.path("office").asString()).containsExactly("32", "36");
        assertThat(entries(log("?citizen=" + citizenId + "&offset=1&limit=2")))
                .extracting(e -> e.path("office").asString()).containsExactly("32", "36");

        assertInvalid(log("?staff=" + annaSubject), "staff", "pseudonym");
        assertInvalid(log("?limit=0"), "limit", "range");
        assertInvalid(log("?breakGlass=maybe"), "breakGlass", "boolean");
        assertInvalid(log("?outcome=MAYBE"), "outcome", "one-of");
    }

    @Test
    void givenAccessesAndAFormulaLikeCell_whenExported_thenCsvEscapedAndTheExportStoredOnce() {
        String citizenId = fixture("DpoCsv");
        String formula = "=HYPERLINK(\"http://evil.example\",\"x\")";
        projection.on(AccessRecorded.of(new de.eakte.core.access.AccessRecord(UUID.randomUUID(),
                clock.instant().minusSeconds(60), de.eakte.core.shared.Actor.staff("dlog-mallory-" + run,
                new OfficeCode("33")), CitizenId.of(citizenId), AccessOutcome.GRANTED, "purpose",
                Set.of(DataCategory.MASTER_DATA), List.of(), formula, "-1+1", null, null, false, Channel.REST, null),
                sealer, retention.keyFor(clock.instant().minusSeconds(60), "-1+1"), null));
        long mark = events.mark();

        Http.Response csv = http.get(CSV + "?citizen=" + citizenId).token(dpo).send();

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<String> lines = Arrays.asList(csv.body().split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("access_id,accessed_at,citizen_id,staff_pseudonym,actor_role,office,purpose,"
                + "legal_basis,outcome,decision_rule,categories,file_references,break_glass,flagged,channel,attempts,"
                + "attempted_until,flood_rules,case_context,strictly_confidential,information_block");
        assertThat(lines).hasSize(7);
        assertThat(lines.subList(1, 7)).allSatisfy(line -> assertThat(line).contains(citizenId));
        assertThat(lines.get(6)).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",'-1+1,GRANTED,");
        assertThat(lines.get(1)).contains(",BREAK_GLASS,");
        assertThat(csv.body()).doesNotContain("dlog-").doesNotContain(",=").doesNotContain(",-1");

        List<JsonNode> exported = events.payloadsSince(mark, EXPORTED);
        assertThat(exported).singleElement().satisfies(e -> {
            assertThat(e.path("dpoSubject").asString()).isEqualTo("dlog-dora-" + run);
            assertThat(e.path("filters").asString()).isEqualTo("citizen=" + citizenId);
            assertThat(e.path("rowCount").asLong()).isEqualTo(6);
        });
        assertThat(events.payloadsSince(mark, StoredEvents.ACCESS_RECORDED)).isEmpty();
        // a second export is a second record
        assertThat(http.get(CSV + "?citizen=" + citizenId + "&breakGlass=true").token(dpo).send().body()
                .split("\r\n")).hasSize(2);
        assertThat(events.payloadsSince(mark, EXPORTED)).hasSize(2);
    }

    @Test
    void givenStaffOrCitizen_whenReadingTheDpoLog_thenForbidden() {
        String staff = staffToken(annaSubject, "33");
        String citizen = token("citizen", "dlog-mia-" + run, null, UUID.randomUUID().toString());
        long mark = events.mark();

        for (String path : List.of(LOG, CSV)) {
            assertProblem(http.get(path).token(staff).send(), 403, "forbidden-role");
            assertProblem(http.get(path).token(citizen).send(), 403, "forbidden-role");
            assertProblem(http.get(path).send(), 401, "unauthenticated");
        }
        assertThat(events.payloadsSince(mark, EXPORTED)).isEmpty();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Http.Response log(String query) {
        return http.get(LOG + query).token(dpo).send();
    }

    private static String fileOf(String citizenId) {
        return "/api/citizens/" + citizenId + "/file";
    }

    private static List<JsonNode> entries(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        response.json().path("entries").forEach(entries::add);
        return entries;
    }
}
