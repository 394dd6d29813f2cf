package de.eakte.api.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import de.eakte.api.support.Http;
import de.eakte.api.support.PostgresApiTest;
import de.eakte.api.support.StoredEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static de.eakte.api.support.ProblemAssertions.assertProblem;
import static de.eakte.api.support.ProblemAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what: every endpoint refuses a missing or untrusted token (401) and a token of the
 * wrong role (403), decided in the filter chain before the body is read; offices change only
 * their own cases and open only their own case types.
 */
class SecurityIT extends PostgresApiTest {

    /** One endpoint; {@code {citizen}} and {@code {case}} stand for ids that exist. */
    record Endpoint(String method, String path, String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }

        boolean hasBody() {
            return body != null;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/citizens", """
                    {"familyName":"Sicher","givenNames":"Sina","dateOfBirth":"1980-01-01","placeOfBirth":"Halle",
                     "address":{"street":"Ring","houseNumber":"1","postcode":"06108","city":"Halle"}}"""),
            new Endpoint("GET", "/api/citizens/{citizen}/file", null),
            new Endpoint("POST", "/api/citizens/{citizen}/corrections", """
                    {"familyName":"Sicher","givenNames":"Sina","dateOfBirth":"1980-01-01","placeOfBirth":"Halle"}"""),
            new Endpoint("POST", "/api/citizens/{citizen}/moves", """
                    {"address":{"street":"Markt","houseNumber":"2","postcode":"06108","city":"Halle"},
                     "movedOn":"2026-01-01"}"""),
            new Endpoint("POST", "/api/citizens/{citizen}/cases", """
                    {"caseType":"identity-card","subject":"Personalausweis"}"""),
            new Endpoint("GET", "/api/cases/{case}", null),
            new Endpoint("POST", "/api/cases/{case}/entries", """
                    {"kind":"NOTE","visibility":"INTERNAL","text":"Notiz"}"""),
            new Endpoint("POST", "/api/cases/{case}/status", """
                    {"status":"IN_PROGRESS"}"""),
            new Endpoint("POST", "/api/cases/{case}/deadline", """
                    {"deadline":"2099-12-31"}"""));

    static Stream<Endpoint> endpoints() {
        return ENDPOINTS.stream();
    }

    static Stream<Endpoint> endpointsWithBody() {
        return ENDPOINTS.stream().filter(Endpoint::hasBody);
    }

    enum UntrustedToken { GARBAGE, OTHER_KEY, EXPIRED, UNSIGNED, NOT_YET_VALID }

    static Stream<Arguments> endpointsAndUntrustedTokens() {
        return ENDPOINTS.stream().flatMap(e -> Stream.of(UntrustedToken.values()).map(t -> Arguments.of(e, t)));
    }

    static Stream<Arguments> endpointsAndWrongRoles() {
        return ENDPOINTS.stream().flatMap(e -> Stream.of("citizen", "dpo", "admin")
                .filter(r -> !(e.method().equals("GET") && !r.equals("citizen")))
                .map(r -> Arguments.of(e, r)));
    }

    /** Reads of citizen data reach the access policy for DPO and admin: it denies, and the attempt is recorded. */
    static Stream<Arguments> readsAndPolicyDeniedRoles() {
        return ENDPOINTS.stream().filter(e -> e.method().equals("GET"))
                .flatMap(e -> Stream.of(Arguments.of(e, "dpo", "dpo-no-case-contents"),
                        Arguments.of(e, "admin", "admin-no-citizen-data")));
    }

    private static String citizenId;
    private static String caseId;
    private static KeyPair otherKey;

    @Autowired
    private LocalIssuerSettings issuerSettings;

    private StoredEvents events;

    @BeforeEach
    void citizenAndCase() {
        events = new StoredEvents(jdbc);
        if (citizenId == null) {
            String clerk = staffToken("sec-alice", "33");
            citizenId = createCitizen(clerk, citizenBody("Sicherheit", "Sven", "1975-05-05"));
            Http.Response opened = openCase(clerk, citizenId, "identity-card", "Personalausweis");
            assertThat(opened.status()).isEqualTo(201);
            caseId = opened.text("caseId");
        }
    }

    private Http.Request request(Endpoint endpoint) {
        return request(endpoint, endpoint.body());
    }

    private Http.Request request(Endpoint endpoint, String body) {
        String path = endpoint.path().replace("{citizen}", citizenId).replace("{case}", caseId);
        return http.request(endpoint.method(), path, body);
    }

    // ---- 401: no token or a token that is not ours -----------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void givenNoToken_whenCallingEndpoint_thenUnauthorizedProblemWithChallenge(Endpoint endpoint) {
        long before = events.total();

        Http.Response response = request(endpoint).send();

        assertProblem(response, 401, "unauthenticated");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(events.total()).as("nothing stored, not even an access entry").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} with {1} token")
    @MethodSource("endpointsAndUntrustedTokens")
    void givenUntrustedToken_whenCallingEndpoint_thenUnauthorized(Endpoint endpoint, UntrustedToken kind)
            throws Exception {
        long before = events.total();

        Http.Response response = request(endpoint).token(untrusted(kind)).send();

        assertProblem(response, 401, "unauthenticated");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(events.total()).isEqualTo(before);
    }

    @Test
    void givenBearerWithoutToken_whenCallingEndpoint_thenUnauthorized() {
        Http.Response response = http.get("/api/citizens/" + citizenId + "/file").header("Authorization", "Bearer ")
                .send();

        assertProblem(response, 401, "unauthenticated");
    }

    @Test
    void givenBasicCredentials_whenCallingEndpoint_thenUnauthorized() {
        Http.Response response = http.get("/api/citizens/" + citizenId + "/file")
                .header("Authorization", "Basic YWxpY2U6c2VjcmV0").send();

        assertProblem(response, 401, "unauthenticated");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    // ---- 403: a valid token of a role that has no business here ------------------------------------

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("endpointsAndWrongRoles")
    void givenTokenOfOtherRole_whenCallingEndpoint_thenForbiddenProblem(Endpoint endpoint, String role) {
        long before = events.total();

        Http.Response response = request(endpoint).token(roleToken(role)).send();

        assertProblem(response, 403, "forbidden-role");
        assertThat(response.header("WWW-Authenticate")).isNull();
        assertThat(events.total()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("readsAndPolicyDeniedRoles")
    void givenDpoOrAdminWithoutBreakGlass_whenReading_thenThePolicyDeniesAndRecordsIt(Endpoint endpoint, String role,
                                                                                        String rule) {
        long before = events.total();

        Http.Response response = request(endpoint).token(roleToken(role)).send();

        assertProblem(response, 403, "access-denied");
        assertThat(response.json().path("rule").asString()).isEqualTo(rule);
        assertThat(events.total()).as("the denied attempt is recorded").isEqualTo(before + 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void givenStaffTokenWithoutOffice_whenCallingEndpoint_thenForbidden(Endpoint endpoint) {
        long before = events.total();

        Http.Response response = request(endpoint).token(token("staff", "no-office", null, null)).send();

        assertProblem(response, 403, "forbidden-role");
        assertThat(events.total()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void givenStaffTokenWithMalformedOffice_whenCallingEndpoint_thenForbidden(Endpoint endpoint) {
        Http.Response response = request(endpoint).token(token("staff", "bad-office", "Bürgeramt", null)).send();

        assertProblem(response, 403, "forbidden-role");
    }

    // ---- decided before the body is read ----------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpointsWithBody")
    void givenNoTokenAndMalformedBody_whenPosting_thenUnauthorizedNotBadRequest(Endpoint endpoint) {
        Http.Response response = request(endpoint, "{\"familyName\": ").send();

        assertProblem(response, 401, "unauthenticated");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpointsWithBody")
    void givenWrongRoleAndMalformedBody_whenPosting_thenForbiddenNotBadRequest(Endpoint endpoint) {
        Http.Response response = request(endpoint, "not json at all").token(roleToken("dpo")).send();

        assertProblem(response, 403, "forbidden-role");
    }

    // ---- offices: own cases, own case types -------------------------------------------------------

    @Test
    void givenCaseOfOffice33_whenStaffOf36AddsEntry_thenForbiddenOwningOfficeOnly() {
        String caseOf33 = openedCaseOf33();
        long before = events.count(caseOf33);

        Http.Response response = http.post("/api/cases/" + caseOf33 + "/entries",
                Map.of("kind", "NOTE", "visibility", "INTERNAL", "text", "fremd")).token(staffToken("eve", "36")).send();

        assertRefused(response, 403, "owning-office-only");
        assertThat(events.count(caseOf33)).isEqualTo(before);
    }

    @Test
    void givenCaseOfOffice33_whenStaffOf36ChangesStatus_thenForbiddenOwningOfficeOnly() {
        String caseOf33 = openedCaseOf33();
        long before = events.count(caseOf33);

        Http.Response response = http.post("/api/cases/" + caseOf33 + "/status", Map.of("status", "IN_PROGRESS"))
                .token(staffToken("eve", "36")).send();

        assertRefused(response, 403, "owning-office-only");
        assertThat(events.count(caseOf33)).isEqualTo(before);
    }

    @Test
    void givenCaseOfOffice33_whenStaffOf36ChangesDeadline_thenForbiddenOwningOfficeOnly() {
        String caseOf33 = openedCaseOf33();
        long before = events.count(caseOf33);
        String deadline = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Berlin")).plusDays(60).toString();

        Http.Response response = http.post("/api/cases/" + caseOf33 + "/deadline", Map.of("deadline", deadline))
                .token(staffToken("eve", "36")).send();

        assertRefused(response, 403, "owning-office-only");
        assertThat(events.count(caseOf33)).isEqualTo(before);
    }

    @Test
    void givenStaffOf32_whenOpeningIdentityCardCase_thenForbiddenCaseTypeOfOwnOffice() {
        long refsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM file_reference", Long.class);
        long before = events.total();

        Http.Response response = openCase(staffToken("bob", "32"), citizenId, "identity-card", "Personalausweis");

        assertRefused(response, 403, "case-type-of-own-office");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM file_reference", Long.class)).isEqualTo(refsBefore);
        assertThat(events.total()).isEqualTo(before);
    }

    // ---- public endpoints -------------------------------------------------------------------------

    @Test
    void givenNoToken_whenReadingHealth_thenUp() {
        Http.Response response = http.get("/actuator/health").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void givenNoToken_whenReadingOpenApi_thenServed() {
        Http.Response response = http.get("/v3/api-docs").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("openapi").asString()).startsWith("3.");
    }

    @Test
    void givenNoToken_whenCallingUnknownPath_thenUnauthorizedNotNotFound() {
        // an anonymous caller learns nothing about which paths exist
        Http.Response response = http.get("/api/secret-admin").send();

        assertProblem(response, 401, "unauthenticated");
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private String openedCaseOf33() {
        Http.Response opened = openCase(staffToken("sec-alice", "33"), citizenId, "passport", "Reisepass");
        assertThat(opened.status()).isEqualTo(201);
        return opened.text("caseId");
    }

    private String roleToken(String role) {
        return switch (role) {
            case "citizen" -> token("citizen", "citizen-1", null, citizenId);
            case "dpo" -> token("dpo", "dora", null, null);
            case "admin" -> token("admin", "adam", null, null);
            default -> throw new IllegalArgumentException(role);
        };
    }

    private String untrusted(UntrustedToken kind) throws Exception {
        Instant now = Instant.now();
        return switch (kind) {
            case GARBAGE -> "not-a-jwt";
            case OTHER_KEY -> {
                // the right issuer, key id and claims, signed by a key the server never saw
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("local").build(),
                        staffClaims(now));
                jwt.sign(new RSASSASigner(otherKey().getPrivate()));
                yield jwt.serialize();
            }
            case UNSIGNED -> new PlainJWT(staffClaims(now)).serialize();
            case EXPIRED -> LocalIssuer.loadOrCreate(issuerSettings).mint("late-alice", "staff", "33", null,
                    Clock.fixed(now.minus(issuerSettings.tokenTtl()).minus(Duration.ofHours(1)), ZoneOffset.UTC));
            case NOT_YET_VALID -> LocalIssuer.loadOrCreate(issuerSettings).mint("early-alice", "staff", "33", null,
                    Clock.fixed(now.plus(Duration.ofHours(1)), ZoneOffset.UTC));
        };
    }

    private static synchronized KeyPair otherKey() throws Exception {
        if (otherKey == null) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            otherKey = generator.generateKeyPair();
        }
        return otherKey;
    }

    private JWTClaimsSet staffClaims(Instant now) {
        return new JWTClaimsSet.Builder().issuer(issuerSettings.issuer()).subject("mallory")
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim(issuerSettings.rolesClaim(), List.of("staff")).claim("office", "33").build();
    }
}
