package de.eakte.api.access;

import de.eakte.api.support.Http;
import de.eakte.api.support.PostgresApiTest;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.OfficeCode;
import de.eakte.projections.file.ConsolidatedFileProjection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A search page reads the policy's facts of all its hits in one statement
 * ({@link CitizenStanding#ofEach}): the same facts and grants as the per-citizen reads, a citizen
 * who left the read model is left out, and over HTTP the hits are those of the one-by-one
 * decisions: another office's strictly confidential case is not shown, grant or not.
 */
class SearchPageStandingIT extends PostgresApiTest {

    private static final String JUSTIFICATION = "Notfall: Polizei vor Ort, Gefahr im Verzug";

    @Autowired
    private ConsolidatedFileProjection projection;

    @Autowired
    private BreakGlassRegistry breakGlass;

    @Test
    void givenCitizensWithAndWithoutCasesAndAGrant_whenReadForAPage_thenTheSameFactsAsOneByOne() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String anna = "sps-anna-" + run;
        String registration = staffToken(anna, "33");
        String colleague = staffToken("sps-bert-" + run, "33");
        String social = staffToken("sps-sina-" + run, "50");
        // letters only: a name of its own, found by no other test's search
        String family = "Standfest" + run.chars().mapToObj(c -> String.valueOf((char) ('a' + Character.digit(c, 16))))
                .collect(Collectors.joining());
        String withCases = createCitizen(registration, citizenBody(family, "Lea", "1985-03-14"));
        String withoutCases = createCitizen(registration, citizenBody(family, "Ole", "1990-06-01"));
        Http.Response idCard = opened(registration, withCases, "identity-card", "Personalausweis " + run);
        Http.Response housing = opened(social, withCases, "housing-benefit", "Wohngeld " + run);
        Http.Response read = http.get("/api/cases/" + housing.text("caseId")).token(registration)
                .header("Access-Break-Glass", JUSTIFICATION)
                .header("Consistency-Token", housing.header("Consistency-Token")).send();
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> projection.reachedVersion(withoutCases).isPresent());

        Actor annaActor = Actor.staff(anna, new OfficeCode("33"));
        List<CitizenId> asked = List.of(CitizenId.of(withCases), CitizenId.of(withoutCases), CitizenId.random());
        Map<CitizenId, CitizenStanding.Found> found = new CitizenStanding(jdbc, clock).ofEach(asked, annaActor);

        assertThat(found).as("a citizen not in the read model is left out").hasSize(2);
        for (CitizenId id : asked.subList(0, 2)) {
            assertThat(found.get(id).facts()).isEqualTo(projection.accessFacts(id).orElseThrow());
            assertThat(found.get(id).grantActive()).isEqualTo(breakGlass.activeGrant(annaActor, id));
        }
        assertThat(found.get(CitizenId.of(withCases)).facts().cases()).hasSize(2);
        assertThat(found.get(CitizenId.of(withCases)).grantActive()).isTrue();
        assertThat(found.get(CitizenId.of(withoutCases)).facts().cases()).isEmpty();
        assertThat(found.get(CitizenId.of(withoutCases)).grantActive()).isFalse();

        Map<String, Object> criteria = Map.of("familyName", family);
        List<String> annaSees = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            annaSees.clear();
            annaSees.addAll(references(http.post("/api/search/citizens", criteria).token(registration)
                    .purpose("AMTSHILFE").send(), withCases));
        });
        List<String> bertSees = references(http.post("/api/search/citizens", criteria).token(colleague)
                .purpose("AMTSHILFE").send(), withCases);
        // a search never shows another office's strictly confidential case, not even to a grant holder
        assertThat(annaSees).as("the grant holder").containsExactly(idCard.text("fileReference"));
        assertThat(bertSees).as("a colleague without a grant").containsExactly(idCard.text("fileReference"));
    }

    /** The file references a citizen search shows of one citizen; fails if the citizen is not shown. */
    private static List<String> references(Http.Response search, String citizenId) {
        assertThat(search.status()).as(search.body()).isEqualTo(200);
        for (JsonNode hit : search.json().path("hits")) {
            if (citizenId.equals(hit.path("citizenId").asString())) {
                List<String> references = new ArrayList<>();
                hit.path("fileReferences").forEach(r -> references.add(r.asString()));
                return references;
            }
        }
        throw new AssertionError("citizen " + citizenId + " not in " + search.body());
    }
}
