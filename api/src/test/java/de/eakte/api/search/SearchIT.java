package de.eakte.api.search;

import de.eakte.api.support.Http;
import de.eakte.api.support.PostgresApiTest;
import de.eakte.api.support.StoredEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static de.eakte.api.support.ProblemAssertions.assertInvalid;
import static de.eakte.api.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Staff search over HTTP against PostgreSQL: finding by spelling and sound, purpose-bound and
 * minimal hits, information blocks and strictly confidential cases, the access entries of the
 * citizens shown, and bad input.
 */
class SearchIT extends PostgresApiTest {

    private static final String SEARCH_RECORDED = "de.eakte.core.access.SearchRecorded";

    private StoredEvents events;
    private String registration;
    private String vehicles;
    private String social;
    /** Letters only, so that names built from it stay names; different in every run. */
    private String run;

    @BeforeEach
    void staff() {
        events = new StoredEvents(jdbc);
        registration = staffToken("search-anna", "33");
        vehicles = staffToken("search-vera", "36");
        social = staffToken("search-sina", "50");
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        run = letters.toString();
    }

    private String citizen(String family, String given, String born, String street, String city) {
        Map<String, Object> body = new HashMap<>(citizenBody(family, given, born));
        body.put("address", Map.of("street", street, "houseNumber", "12", "postcode", "04109", "city", city));
        return createCitizen(registration, body);
    }

    private Http.Response searchCitizens(String token, String purpose, Map<String, Object> criteria) {
        Http.Request request = http.post("/api/search/citizens", criteria).token(token);
        return (purpose == null ? request : request.purpose(purpose)).send();
    }

    private Http.Response searchCases(String token, String purpose, Map<String, Object> criteria) {
        Http.Request request = http.post("/api/search/cases", criteria).token(token);
        return (purpose == null ? request : request.purpose(purpose)).send();
    }

    private static List<String> ids(Http.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().path("hits").forEach(h -> ids.add(h.path(field).asString()));
        return ids;
    }

    /** The search model is a tracking processor: wait until it has the citizen (not a speed assertion). */
    private List<String> awaitFound(String token, String purpose, Map<String, Object> criteria, String citizenId) {
        List<List<String>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            List<String> ids = ids(searchCitizens(token, purpose, criteria), "citizenId");
            assertThat(ids).contains(citizenId);
            found.add(ids);
        });
        return found.get(found.size() - 1);
    }

    @Test
    void jurgenMaier1961_findsJuergenMeyerBorn1961_withOnlyWhatIdentifies_andRecordsIt() {
        String city = "Leipzig" + run;
        String meyer = citizen("Meyer", "Jürgen", "1961-04-23", "Hauptstraße", city);
        String other = citizen("Meyer", "Jürgen", "1975-04-23", "Hauptstraße", city);
        Http.Response card = opened(registration, meyer, "identity-card", "Antrag auf Personalausweis");

        List<String> found = awaitFound(vehicles, "AMTSHILFE", Map.of("query", "jurgen maier 1961 " + city), meyer);
        long mark = events.mark();
        Http.Response response = searchCitizens(vehicles, "AMTSHILFE", Map.of("query", "jurgen maier 1961 " + city));

        assertThat(found).doesNotContain(other);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).contains("no-store");
        JsonNode hit = response.json().path("hits").get(0);
        assertThat(hit.path("citizenId").asString()).isEqualTo(meyer);
        assertThat(hit.path("familyName").asString()).isEqualTo("Meyer");
        assertThat(hit.path("dateOfBirth").asString()).isEqualTo("1961-04-23");
        assertThat(hit.path("city").asString()).isEqualTo(city);
        assertThat(hit.path("match").asString()).isEqualTo("PHONETIC");
        assertThat(hit.path("fileReferences").get(0).asString()).isEqualTo(card.text("fileReference"));
        assertThat(response.body()).doesNotContain("Hauptstra").doesNotContain("04109").doesNotContain("Dresden");

        List<JsonNode> searches = events.payloadsSince(mark, SEARCH_RECORDED);
        assertThat(searches).singleElement().satisfies(s -> {
            assertThat(s.path("criteria").path("key").asString()).as("sealed").startsWith("access/");
            assertThat(s.toString()).doesNotContain("jurgen");
            assertThat(s.path("hitCount").asInt()).isEqualTo(1);
            assertThat(s.path("purpose").asString()).isEqualTo("AMTSHILFE");
            assertThat(s.path("outcome").asString()).isEqualTo("GRANTED");
        });
        List<JsonNode> entries = events.payloadsSince(mark, StoredEvents.ACCESS_RECORDED);
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.path("citizenId").asString()).isEqualTo(meyer);
            assertThat(e.path("channel").asString()).isEqualTo("SEARCH");
            assertThat(e.path("legalBasis").asString()).isEqualTo("VwVfG §§ 4-8");
            assertThat(e.path("fileReferences").get(0).asString()).isEqualTo(card.text("fileReference"));
        });

        // the search shows up in the citizen's own access log
        String me = token("citizen", "search-me-" + run, null, meyer);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            Http.Response log = http.get("/api/me/access-log").token(me).send();
            assertThat(log.status()).as(log.body()).isEqualTo(200);
            List<String> channels = new ArrayList<>();
            log.json().path("entries").forEach(e -> channels.add(e.path("channel").asString()));
            assertThat(channels).contains("SEARCH");
        });
    }

    @Test
    void withoutPurpose_theSearchIsRefusedAndTheRefusalRecorded() {
        long mark = events.mark();

        assertProblem(searchCitizens(vehicles, null, Map.of("familyName", "Meyer")), 403, "access-denied");
        assertProblem(searchCitizens(vehicles, "BMG-34", Map.of("familyName", "Meyer")), 403, "access-denied");

        List<JsonNode> searches = events.payloadsSince(mark, SEARCH_RECORDED);
        assertThat(searches).extracting(s -> s.path("rule").asString()).containsExactly("purpose-required", "purpose-unknown");
        assertThat(searches).allSatisfy(s -> assertThat(s.path("outcome").asString()).isEqualTo("DENIED"));
    }

    @Test
    void blockedCitizens_areNotFoundByOtherOffices_andStrictlyConfidentialCasesAreNeverNamed() {
        String family = "Sperr" + run;
        String blocked = citizen(family, "Ida", "1950-02-03", "Ring", "Leipzig");
        Http.Response benefit = opened(social, blocked, "housing-benefit", "Wohngeld " + run);
        Http.Response card = opened(registration, blocked, "identity-card", "Personalausweis");
        Map<String, Object> byName = Map.of("familyName", family);
        awaitFound(vehicles, "AMTSHILFE", byName, blocked);
        // vehicles see the citizen and the identity card, never the social-services case
        Http.Response seen = searchCitizens(vehicles, "AMTSHILFE", byName);
        assertThat(seen.body()).contains(card.text("fileReference")).doesNotContain(benefit.text("fileReference"));
        assertThat(ids(searchCitizens(vehicles, "AMTSHILFE", Map.of("fileReference", benefit.text("fileReference"))),
                "citizenId")).isEmpty();
        assertThat(ids(searchCases(registration, "AMTSHILFE", Map.of("words", "Wohngeld " + run)), "caseId")).isEmpty();
        assertThat(ids(searchCases(social, "SACHBEARBEITUNG", Map.of("words", "Wohngeld " + run)), "caseId"))
                .containsExactly(benefit.text("caseId"));

        Http.Response block = http.post("/api/citizens/" + blocked + "/information-block", Map.of("kind", "BLOCK"))
                .token(registration).send();
        assertThat(block.status()).as(block.body()).isIn(200, 201);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(ids(searchCitizens(vehicles, "AMTSHILFE", byName), "citizenId")).doesNotContain(blocked));
        // the registration office keeps its case context
        assertThat(ids(searchCitizens(registration, "SACHBEARBEITUNG", byName), "citizenId")).contains(blocked);
    }

    @Test
    void cases_byWordsOfEntries_onlyForWhoMaySeeTheEntries() {
        String anna = citizen("Fall" + run, "Anna", "1980-01-01", "Ring", "Leipzig");
        Http.Response card = opened(registration, anna, "identity-card", "Personalausweis " + run);
        entry(registration, card, "NOTE", "INTERNAL", "Die Lichtbilder " + run + "x fehlen noch.");
        Map<String, Object> byEntry = Map.of("words", "Lichtbild " + run + "x");

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(ids(searchCases(registration, "SACHBEARBEITUNG", byEntry), "caseId"))
                        .containsExactly(card.text("caseId")));
        // AMTSHILFE gives vehicles case summaries, not entries: the entry's words find nothing
        assertThat(ids(searchCases(vehicles, "AMTSHILFE", byEntry), "caseId")).isEmpty();
        // but the subject's words do, and the file reference in part
        assertThat(ids(searchCases(vehicles, "AMTSHILFE", Map.of("words", "Personalausweis " + run)), "caseId"))
                .containsExactly(card.text("caseId"));
        String number = card.text("fileReference").substring(10, 16);
        JsonNode hit = searchCases(vehicles, "AMTSHILFE", Map.of("fileReference", number, "office", "33")).json()
                .path("hits").get(0);
        assertThat(hit.path("fileReference").asString()).contains(number);
        assertThat(hit.path("citizen").path("citizenId").asString()).isNotEmpty();
    }

    @Test
    void cursor_pagesThroughTheHits() {
        String family = "Seite" + run;
        List<String> all = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            all.add(citizen(family, "Paul", "1970-01-0" + i, "Ring", "Leipzig"));
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(ids(searchCitizens(vehicles, "AMTSHILFE", Map.of("familyName", family, "limit", 50)),
                        "citizenId")).hasSize(5));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> criteria = new HashMap<>(Map.of("familyName", family, "limit", 2));
            if (cursor != null) {
                criteria.put("cursor", cursor);
            }
            Http.Response page = searchCitizens(vehicles, "AMTSHILFE", criteria);
            seen.addAll(ids(page, "citizenId"));
            JsonNode next = page.json().path("nextCursor");
            cursor = next.isNull() || next.isMissingNode() ? null : next.asString();
        } while (cursor != null);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void badInput_namesTheFieldAndTheRule() {
        assertInvalid(searchCitizens(vehicles, "AMTSHILFE", Map.of("familyName", "Meyer", "limit", 0)), "limit", "range");
        assertInvalid(searchCitizens(vehicles, "AMTSHILFE", Map.of("city", "Leipzig")), "query", "too-broad");
        assertInvalid(searchCitizens(vehicles, "AMTSHILFE", Map.of("familyName", "Meyer", "dateOfBirth", "23.04.61")),
                "dateOfBirth", "iso-date");
        assertInvalid(searchCitizens(vehicles, "AMTSHILFE", Map.of("familyName", "Meyer", "postcode", "1234")),
                "postcode", "german-postcode");
        assertInvalid(searchCitizens(vehicles, "AMTSHILFE", Map.of("idNr", "86095742718")), "idNr", "idnr-check-digit");
        assertInvalid(searchCitizens(vehicles, "AMTSHILFE", Map.of("familyName", "Meyer", "cursor", "bm9wZQ")),
                "cursor", "cursor");
        assertInvalid(searchCitizens(vehicles, "AMTSHILFE", Map.of("query", "x".repeat(201))), "query", "max-length");
        assertInvalid(searchCases(vehicles, "AMTSHILFE", Map.of("fileReference", "33%")), "fileReference",
                "file-reference-part");
        assertInvalid(searchCases(vehicles, "AMTSHILFE", Map.of("status", List.of("LOST"))), "status", "one-of");
        assertInvalid(searchCases(vehicles, "AMTSHILFE", Map.of()), "words", "too-broad");
        assertInvalid(http.post("/api/search/citizens", Map.of("familyName", "Meyer")).token(vehicles)
                .header("Access-Break-Glass", "Notfall: Polizei fragt nach Anschrift").send(), "Access-Break-Glass",
                "not-for-search");
        assertInvalid(http.post("/api/search/citizens", "{\"familyName\":").token(vehicles).purpose("AMTSHILFE").send(),
                null, "json");
        // only staff search
        String citizen = token("citizen", "search-citizen-" + run, null, UUID.randomUUID().toString());
        assertProblem(searchCitizens(citizen, "AMTSHILFE", Map.of("familyName", "Meyer")), 403, "forbidden-role");
        assertProblem(searchCitizens(token("admin", "search-admin", null, null), "AMTSHILFE", Map.of("familyName", "Meyer")),
                403, "forbidden-role");
        assertThat(http.post("/api/search/cases", Map.of("office", "33")).send().status()).isEqualTo(401);
    }
}
