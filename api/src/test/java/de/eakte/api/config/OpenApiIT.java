package de.eakte.api.config;

import de.eakte.api.support.Http;
import de.eakte.api.support.PostgresApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The served OpenAPI description is public and describes every REST mapping the server has. */
class OpenApiIT extends PostgresApiTest {

    /** Operations anyone may call: the ledger's checkpoints and keys, so witnesses can keep copies. */
    private static final Set<String> PUBLIC = Set.of("get /api/ledger/checkpoint", "get /api/ledger/checkpoint/{size}",
            "get /api/ledger/keys");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void givenNoToken_whenReadingApiDocs_thenServedAsJson() {
        Http.Response response = http.get("/v3/api-docs").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().path("openapi").asString()).startsWith("3.");
        assertThat(response.json().at("/info/title").asString()).isEqualTo("eAkte API");
    }

    @Test
    void givenControllerMappings_whenReadingApiDocs_thenEveryApiPathAndMethodIsDescribed() {
        JsonNode paths = http.get("/v3/api-docs").send().json().path("paths");
        List<String> expected = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                assertThat(methods).as(path + " names its HTTP method").isNotEmpty();
                methods.forEach(m -> expected.add(m.name().toLowerCase(Locale.ROOT) + " " + path));
            }
        }
        assertThat(expected).as("the api has mappings").hasSizeGreaterThanOrEqualTo(9);

        for (String operation : expected) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1);
            assertThat(paths.has(path)).as("documented path " + path + " in " + paths.propertyNames()).isTrue();
            JsonNode described = paths.path(path).path(method);
            assertThat(described.isObject()).as("documented " + operation).isTrue();
            assertThat(described.path("summary").asString()).as("summary of " + operation).isNotBlank();
            if (PUBLIC.contains(operation)) {
                assertThat(described.path("security").toString()).as("security of public " + operation)
                        .doesNotContain("bearer");
                String example = path.replace("{size}", "1");
                assertThat(http.get(example).send().status()).as("public " + operation + " answers without a token")
                        .isNotIn(401, 403);
            } else {
                assertThat(described.path("security").toString()).as("security of " + operation).contains("bearer");
            }
        }
    }

    @Test
    void givenApiDocs_whenReadingComponents_thenBearerSchemeIsDeclared() {
        JsonNode scheme = http.get("/v3/api-docs").send().json().at("/components/securitySchemes/bearer");

        assertThat(scheme.isObject()).isTrue();
        assertThat(scheme.path("type").asString()).isEqualTo("http");
        assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
        assertThat(scheme.path("bearerFormat").asString()).isEqualTo("JWT");
    }

    @Test
    void givenApiDocs_whenReadingPaths_thenNoPathOutsideTheControllersIsDescribed() {
        JsonNode paths = http.get("/v3/api-docs").send().json().path("paths");
        List<String> mapped = new ArrayList<>();
        mappings.getHandlerMethods().keySet().forEach(i -> mapped.addAll(i.getPatternValues()));

        assertThat(paths.propertyNames()).allSatisfy(p -> assertThat(mapped).contains(p));
    }
}
