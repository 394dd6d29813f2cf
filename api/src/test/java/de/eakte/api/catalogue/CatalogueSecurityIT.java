package de.eakte.api.catalogue;

import de.eakte.api.support.Http;
import de.eakte.api.support.PostgresApiTest;
import de.eakte.api.support.StoredEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static de.eakte.api.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what with the catalogue: everyone authenticated reads it; only admins propose and
 * decide, only the DPO gives opinions; a wrong role is refused in the filter chain (403), a
 * missing token with 401, and nothing is stored either way.
 */
class CatalogueSecurityIT extends PostgresApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CITIZEN_FILE = "3f2b8c1e-0c4a-4f7e-9d2a-5b6c7d8e9f01";

    /** One endpoint; {@code {change}} stands for a pending change that exists. */
    record Endpoint(String method, String path, String body, String role) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", PurposeCatalogueIT.CHANGES,
                    JSON.writeValueAsString(PurposeCatalogueIT.put("33", "IT-SECURITY")), "admin"),
            new Endpoint("GET", PurposeCatalogueIT.CHANGES + "?status=PENDING", null, "admin"),
            new Endpoint("GET", PurposeCatalogueIT.CHANGES + "/{change}", null, "admin"),
            new Endpoint("POST", PurposeCatalogueIT.CHANGES + "/{change}/approve", "", "admin"),
            new Endpoint("POST", PurposeCatalogueIT.CHANGES + "/{change}/reject", "{\"reason\":\"nein\"}", "admin"),
            new Endpoint("GET", PurposeCatalogueIT.DPO_CHANGES, null, "dpo"),
            new Endpoint("POST", PurposeCatalogueIT.DPO_CHANGES + "/{change}/opinion", "{\"opinion\":\"gut\"}", "dpo"));

    /** Every endpoint with every token whose role is not the endpoint's. */
    static Stream<Arguments> wrongRoles() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (String role : List.of("staff", "citizen", "admin", "dpo")) {
                if (!role.equals(endpoint.role())) {
                    cases.add(Arguments.of(endpoint, role));
                }
            }
        }
        return cases.stream();
    }

    static Stream<Endpoint> endpoints() {
        return ENDPOINTS.stream();
    }

    private StoredEvents events;
    private String change;

    @BeforeEach
    void setUp() {
        events = new StoredEvents(jdbc);
        Http.Response proposed = http.post(PurposeCatalogueIT.CHANGES,
                        PurposeCatalogueIT.put("33", "IT-SEC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase()))
                .token(token("admin", "sec-admin", null, null)).send();
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        change = proposed.text("changeId");
    }

    private String tokenOf(String role) {
        return switch (role) {
            case "staff" -> staffToken("sec-clerk", "33");
            case "citizen" -> token("citizen", "sec-citizen", null, CITIZEN_FILE);
            default -> token(role, "sec-" + role, null, null);
        };
    }

    private Http.Response call(Endpoint endpoint, String token) {
        Http.Request request = http.request(endpoint.method(), endpoint.path().replace("{change}", change), endpoint.body());
        return token == null ? request.send() : request.token(token).send();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("wrongRoles")
    void givenTokenOfAnotherRole_whenCalling_thenForbiddenAndNothingStored(Endpoint endpoint, String role) {
        long before = events.total();

        assertProblem(call(endpoint, tokenOf(role)), 403, "forbidden-role");
        assertThat(events.total()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void givenNoToken_whenCalling_thenUnauthenticated(Endpoint endpoint) {
        assertProblem(call(endpoint, null), 401, "unauthenticated");
    }

    @ParameterizedTest(name = "as {0}")
    @ValueSource(strings = {"staff", "citizen", "admin", "dpo"})
    void givenAnyRole_whenReadingTheCatalogue_thenOfficesCaseTypesAndPurposes(String role) {
        Http.Response response = http.get("/api/catalogue").token(tokenOf(role)).send();

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode catalogue = response.json();
        assertThat(catalogue.path("offices").toString()).contains("\"code\":\"33\"", "\"code\":\"50\"");
        assertThat(catalogue.path("caseTypes").toString()).contains("\"code\":\"identity-card\"", "\"retentionYears\":10");
        List<String> purposes = new ArrayList<>();
        catalogue.path("purposes").forEach(p -> purposes.add(p.path("office").asString() + "/" + p.path("code").asString()));
        assertThat(purposes).contains("33/SACHBEARBEITUNG", "33/AMTSHILFE", "33/BMG-34", "50/SGB-X-69");
    }

    @Test
    void givenNoToken_whenReadingTheCatalogue_thenUnauthenticated() {
        assertProblem(http.get("/api/catalogue").send(), 401, "unauthenticated");
    }

    @Test
    void givenTheProposer_whenDecidingTheirOwnChange_thenFourEyesEvenWhenRejecting() {
        String proposer = token("admin", "sec-admin", null, null);
        Http.Response response = http.post(PurposeCatalogueIT.CHANGES + "/" + change + "/reject",
                Map.of("reason", "doch nicht")).token(proposer).send();

        assertThat(assertProblem(response, 403, "four-eyes").path("rule").asString()).isEqualTo("four-eyes");
    }
}
