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
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Staff searches in the DPO's view over HTTP on PostgreSQL: a granted and a refused search appear
 * with time, pseudonym, office, purpose, scope, criteria and hit count, filtered by staff, outcome
 * and scope; each answer is stored as a SearchLogRead event naming the searches it showed.
 */
class DpoSearchLogIT extends PostgresApiTest {

    private static final String SEARCHES = "/api/dpo/searches";
    private static final String READ = "de.eakte.core.access.SearchLogRead";

    @Autowired
    private DpoAccessLogProjection view;

    private StoredEvents events;
    private String run;
    private String dpo;

    @BeforeEach
    void setUp() {
        events = new StoredEvents(jdbc);
        run = UUID.randomUUID().toString().substring(0, 8);
        dpo = token("dpo", "slog-dora-" + run, null, null);
    }

    @Test
    void givenAGrantedAndARefusedSearch_whenTheDpoListsSearches_thenBothWithCriteriaAndTheReadIsRecorded() {
        String registration = staffToken("slog-anna-" + run, "33");
        String family = "Suchlog" + run.replaceAll("[0-9]", "x");
        createCitizen(registration, citizenBody(family, "Sina", "1977-07-07"));
        String vera = "slog-vera-" + run;
        String vehicles = staffToken(vera, "36");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Http.Response found = http.post("/api/search/citizens", Map.of("query", family + " sina 1977"))
                    .token(vehicles).purpose("AMTSHILFE").send();
            assertThat(found.status()).as(found.body()).isEqualTo(200);
            assertThat(found.json().path("hits").size()).isEqualTo(1);
        });
        assertProblem(http.post("/api/search/cases", Map.of("words", "imbiss")).token(vehicles).send(), 403,
                "access-denied");
        String staff = view.pseudonym(vera);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(searches("?staff=" + staff)).extracting(s -> s.path("outcome").asString())
                        .contains("GRANTED", "DENIED"));
        long mark = events.mark();
        Http.Response page = http.get(SEARCHES + "?staff=" + staff + "&outcome=GRANTED&scope=CITIZENS").token(dpo).send();

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.header("Cache-Control")).contains("no-store");
        List<JsonNode> granted = new ArrayList<>();
        page.json().path("searches").forEach(granted::add);
        JsonNode search = granted.get(granted.size() - 1);
        assertThat(granted).allSatisfy(s -> assertThat(s.path("staff").asString()).isEqualTo(staff));
        assertThat(search.path("criteria").asString()).containsIgnoringCase(family);
        assertThat(search.path("hitCount").asInt()).isEqualTo(1);
        assertThat(search.path("purpose").asString()).isEqualTo("AMTSHILFE");
        assertThat(search.path("legalBasis").asString()).isEqualTo("VwVfG §§ 4-8");
        assertThat(search.path("office").asString()).isEqualTo("36");
        assertThat(page.body()).doesNotContain(vera).doesNotContain("Pruefung im Test");

        assertThat(events.payloadsSince(mark, READ)).singleElement().satisfies(e -> {
            assertThat(e.path("dpoSubject").asString()).isEqualTo("slog-dora-" + run);
            assertThat(e.path("filters").asString()).isEqualTo("staff=" + staff
                    + "&outcome=GRANTED&scope=CITIZENS&offset=0&limit=50");
            List<String> ids = new ArrayList<>();
            e.path("searchIds").forEach(id -> ids.add(id.asString()));
            assertThat(ids).containsExactlyElementsOf(granted.stream().map(s -> s.path("searchId").asString()).toList());
        });

        List<JsonNode> denied = searches("?staff=" + staff + "&outcome=DENIED");
        assertThat(denied).singleElement().satisfies(s -> {
            assertThat(s.path("scope").asString()).isEqualTo("CASES");
            assertThat(s.path("rule").asString()).isEqualTo("purpose-required");
            assertThat(s.path("hitCount").asInt()).isZero();
        });
    }

    @Test
    void givenStaffOrBadFilters_whenListingSearches_thenRefusedAndNothingRecorded() {
        long mark = events.mark();
        assertProblem(http.get(SEARCHES).token(staffToken("slog-anna-" + run, "33")).send(), 403, "forbidden-role");
        assertProblem(http.get(SEARCHES).send(), 401, "unauthenticated");
        assertInvalid(http.get(SEARCHES + "?staff=slog-anna").token(dpo).send(), "staff", "pseudonym");
        assertInvalid(http.get(SEARCHES + "?scope=PEOPLE").token(dpo).send(), "scope", "one-of");
        assertInvalid(http.get(SEARCHES + "?limit=501").token(dpo).send(), "limit", "range");
        assertThat(events.payloadsSince(mark, READ)).isEmpty();
    }

    private List<JsonNode> searches(String query) {
        Http.Response response = http.get(SEARCHES + query).token(dpo).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        response.json().path("searches").forEach(rows::add);
        return rows;
    }
}
