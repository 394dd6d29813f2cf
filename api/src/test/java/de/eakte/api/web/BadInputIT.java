package de.eakte.api.web;

import de.eakte.api.support.Http;
import de.eakte.api.support.PostgresApiTest;
import de.eakte.api.support.StoredEvents;
import de.eakte.core.citizens.IdNr;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static de.eakte.api.support.ProblemAssertions.assertInvalid;
import static de.eakte.api.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input never gets further than the edge or the aggregate's checks: each answer is a 400 problem
 * naming the field and the rule, unknown ids are 404, too much is 413, and nothing is stored.
 */
class BadInputIT extends PostgresApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int LIMIT = 262_144;
    private static final HttpClient CHUNKING_CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static String citizenId;
    private static String caseId;

    private StoredEvents events;
    private String clerk;

    @BeforeEach
    void citizenAndCase() {
        events = new StoredEvents(jdbc);
        clerk = staffToken("bad-alice", "33");
        if (citizenId == null) {
            citizenId = createCitizen(clerk, citizenBody("Eingabe", "Erika", "1970-07-07"));
            Http.Response opened = openCase(clerk, citizenId, "registration", "Ummeldung");
            assertThat(opened.status()).isEqualTo(201);
            caseId = opened.text("caseId");
        }
    }

    // ---- valid bodies, changed by each test --------------------------------------------------------

    private static Map<String, Object> address() {
        return new LinkedHashMap<>(Map.of("street", "Hauptstraße", "houseNumber", "12", "postcode", "04109",
                "city", "Leipzig"));
    }

    private static Map<String, Object> citizen() {
        Map<String, Object> body = new LinkedHashMap<>(citizenBody("Eingabe", "Erika", "1970-07-07"));
        body.put("address", address());
        return body;
    }

    private static Map<String, Object> masterData() {
        Map<String, Object> body = citizen();
        body.remove("address");
        return body;
    }

    private static Map<String, Object> move() {
        return new LinkedHashMap<>(Map.of("address", address(), "movedOn", "2026-01-15"));
    }

    private static Map<String, Object> newCase() {
        return new LinkedHashMap<>(Map.of("caseType", "registration", "subject", "Ummeldung"));
    }

    private static Map<String, Object> entry() {
        return new LinkedHashMap<>(Map.of("kind", "NOTE", "visibility", "INTERNAL", "text", "Notiz"));
    }

    private static Map<String, Object> status() {
        return new LinkedHashMap<>(Map.of("status", "IN_PROGRESS"));
    }

    private static Map<String, Object> deadline() {
        return new LinkedHashMap<>(Map.of("deadline", "2099-12-31"));
    }

    private static Map<String, Object> without(Map<String, Object> body, String field) {
        body.remove(field);
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        body.put(field, value);
        return body;
    }

    private static Map<String, Object> withAddress(Map<String, Object> body, String field, Object value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> address = (Map<String, Object>) body.get("address");
        address.put(field, value);
        return body;
    }

    private String path(String template) {
        return template.replace("{citizen}", citizenId).replace("{case}", caseId);
    }

    private Http.Response post(String template, Object body) {
        return http.post(path(template), body).token(clerk).send();
    }

    // ---- malformed and mistyped JSON ---------------------------------------------------------------

    static Stream<String> postPaths() {
        return Stream.of("/api/citizens", "/api/citizens/{citizen}/corrections", "/api/citizens/{citizen}/moves",
                "/api/citizens/{citizen}/cases", "/api/cases/{case}/entries", "/api/cases/{case}/status",
                "/api/cases/{case}/deadline");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postPaths")
    void givenMalformedJson_whenPosting_thenBadRequestRuleJson(String template) {
        long before = events.total();

        Http.Response response = http.post(path(template), "{\"familyName\": \"Meyer\",").token(clerk).send();

        assertInvalid(response, null, "json");
        assertThat(events.total()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postPaths")
    void givenEmptyBody_whenPosting_thenBadRequestRuleJson(String template) {
        Http.Response response = http.post(path(template), "").token(clerk).send();

        assertInvalid(response, null, "json");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[]", "\"text\"", "42", "null"})
    void givenJsonThatIsNoObject_whenOpeningCitizen_thenBadRequest(String body) {
        Http.Response response = http.post("/api/citizens", body).token(clerk).send();

        assertInvalid(response, null, null);
    }

    @Test
    void givenAddressAsNumber_whenOpeningCitizen_thenBadRequestNamingAddress() {
        Http.Response response = post("/api/citizens", with(citizen(), "address", 5));

        assertInvalid(response, "address", "type");
    }

    @Test
    void givenFamilyNameAsList_whenOpeningCitizen_thenBadRequestNamingFamilyName() {
        Http.Response response = post("/api/citizens", with(citizen(), "familyName", java.util.List.of("a", "b")));

        assertInvalid(response, "familyName", "type");
    }

    @Test
    void givenPostcodeAsObject_whenOpeningCitizen_thenBadRequestNamingNestedField() {
        Http.Response response = post("/api/citizens", withAddress(citizen(), "postcode", Map.of("a", 1)));

        assertInvalid(response, "address.postcode", "type");
    }

    @Test
    void givenSizeBytesAsWord_whenAddingDocument_thenBadRequestNamingNestedField() {
        Map<String, Object> document = new LinkedHashMap<>(validDocument());
        document.put("sizeBytes", "big");
        Http.Response response = post("/api/cases/{case}/entries",
                Map.of("kind", "DOCUMENT", "visibility", "INTERNAL", "document", document));

        assertInvalid(response, "document.sizeBytes", "type");
    }

    @Test
    void givenTextPlainBody_whenPosting_thenUnsupportedMediaTypeProblem() {
        Http.Response response = http.post("/api/citizens", JSON.writeValueAsString(citizen())).token(clerk)
                .header("Content-Type", "text/plain").send();

        assertProblem(response, 415, null);
    }

    @Test
    void givenUnsupportedMethod_whenCalling_thenMethodNotAllowedProblem() {
        Http.Response response = http.request("DELETE", path("/api/citizens/{citizen}/file"), null).token(clerk)
                .send();

        assertProblem(response, 405, null);
    }

    // ---- missing required fields -------------------------------------------------------------------

    static Stream<Arguments> missingFields() {
        return Stream.of(
                Arguments.of("/api/citizens", without(citizen(), "familyName"), "familyName"),
                Arguments.of("/api/citizens", without(citizen(), "givenNames"), "givenNames"),
                Arguments.of("/api/citizens", without(citizen(), "address"), "address"),
                Arguments.of("/api/citizens", without(citizen(), "dateOfBirth"), "dateOfBirth"),
                Arguments.of("/api/citizens", without(citizen(), "placeOfBirth"), "placeOfBirth"),
                Arguments.of("/api/citizens", withAddress(citizen(), "street", null), "address.street"),
                Arguments.of("/api/citizens", withAddress(citizen(), "postcode", null), "address.postcode"),
                Arguments.of("/api/citizens", withAddress(citizen(), "city", "  "), "address.city"),
                Arguments.of("/api/citizens/{citizen}/corrections", without(masterData(), "familyName"), "familyName"),
                Arguments.of("/api/citizens/{citizen}/corrections", without(masterData(), "dateOfBirth"), "dateOfBirth"),
                Arguments.of("/api/citizens/{citizen}/moves", without(move(), "movedOn"), "movedOn"),
                Arguments.of("/api/citizens/{citizen}/moves", without(move(), "address"), "address"),
                Arguments.of("/api/citizens/{citizen}/cases", without(newCase(), "caseType"), "caseType"),
                Arguments.of("/api/citizens/{citizen}/cases", without(newCase(), "subject"), "subject"),
                Arguments.of("/api/citizens/{citizen}/cases", with(newCase(), "subject", " "), "subject"),
                Arguments.of("/api/cases/{case}/entries", without(entry(), "kind"), "kind"),
                Arguments.of("/api/cases/{case}/entries", without(entry(), "visibility"), "visibility"),
                Arguments.of("/api/cases/{case}/entries", without(entry(), "text"), "text"),
                Arguments.of("/api/cases/{case}/entries", Map.of("kind", "DOCUMENT", "visibility", "INTERNAL"),
                        "document"),
                Arguments.of("/api/cases/{case}/status", without(status(), "status"), "status"),
                Arguments.of("/api/cases/{case}/deadline", without(deadline(), "deadline"), "deadline"));
    }

    @ParameterizedTest(name = "{0} without {2}")
    @MethodSource("missingFields")
    void givenMissingRequiredField_whenPosting_thenBadRequestNamingTheField(String template, Map<String, Object> body,
                                                                           String field) {
        long before = events.total();

        Http.Response response = post(template, body);

        assertInvalid(response, field, null);
        assertThat(response.json().path("rule").asString()).isNotBlank();
        assertThat(events.total()).isEqualTo(before);
    }

    // ---- invalid values ----------------------------------------------------------------------------

    static Stream<Arguments> invalidValues() {
        String base = "8609574271";
        int check = IdNr.checkDigit(base);
        String wrongCheckDigit = base + ((check + 1) % 10);
        return Stream.of(
                Arguments.of("/api/citizens", withAddress(citizen(), "postcode", "00123"), "address.postcode",
                        "german-postcode"),
                Arguments.of("/api/citizens", withAddress(citizen(), "postcode", "4109"), "address.postcode",
                        "german-postcode"),
                Arguments.of("/api/citizens", withAddress(citizen(), "houseNumber", "abc"), "address.houseNumber",
                        "house-number"),
                Arguments.of("/api/citizens", with(citizen(), "idNr", wrongCheckDigit), "idNr", "idnr-check-digit"),
                Arguments.of("/api/citizens", with(citizen(), "idNr", "0123456789"), "idNr", "idnr-format"),
                Arguments.of("/api/citizens", with(citizen(), "dateOfBirth", "1961-13-40"), "dateOfBirth", "iso-date"),
                Arguments.of("/api/citizens", with(citizen(), "dateOfBirth", "23.04.1961"), "dateOfBirth", "iso-date"),
                Arguments.of("/api/citizens", with(citizen(), "dateOfBirth", "1850-01-01"), "dateOfBirth",
                        "date-of-birth-range"),
                Arguments.of("/api/citizens", with(citizen(), "familyName", "x".repeat(101)), "familyName",
                        "max-length"),
                Arguments.of("/api/citizens", with(citizen(), "familyName", "Mey\u0000er"), "familyName",
                        "no-control-characters"),
                Arguments.of("/api/citizens/{citizen}/corrections", with(masterData(), "idNr", wrongCheckDigit), "idNr",
                        "idnr-check-digit"),
                Arguments.of("/api/citizens/{citizen}/moves", withAddress(move(), "postcode", "00123"),
                        "address.postcode", "german-postcode"),
                Arguments.of("/api/citizens/{citizen}/moves", with(move(), "movedOn", "2026-02-30"), "movedOn",
                        "iso-date"),
                Arguments.of("/api/citizens/{citizen}/cases", with(newCase(), "caseType", "dog-licence"), "caseType",
                        null),
                Arguments.of("/api/citizens/{citizen}/cases", with(newCase(), "confidentiality", "SECRET"),
                        "confidentiality", "one-of"),
                Arguments.of("/api/citizens/{citizen}/cases", with(newCase(), "deadline", "31.12.2026"), "deadline",
                        "iso-date"),
                Arguments.of("/api/citizens/{citizen}/cases", with(newCase(), "subject", "s".repeat(201)), "subject",
                        "max-length"),
                Arguments.of("/api/cases/{case}/entries", with(entry(), "kind", "MEMO"), "kind", "one-of"),
                Arguments.of("/api/cases/{case}/entries", with(entry(), "visibility", "PUBLIC"), "visibility",
                        "one-of"),
                Arguments.of("/api/cases/{case}/entries", with(entry(), "text", "t".repeat(20_001)), "text",
                        "max-length"),
                Arguments.of("/api/cases/{case}/entries", Map.of("kind", "DOCUMENT", "visibility", "INTERNAL",
                        "document", with(new LinkedHashMap<>(validDocument()), "sha256", "abc")), "document.sha256",
                        "sha256-hex"),
                Arguments.of("/api/cases/{case}/entries", Map.of("kind", "DOCUMENT", "visibility", "INTERNAL",
                                "document", with(new LinkedHashMap<>(validDocument()), "receivedAt", "yesterday")),
                        "document.receivedAt", "iso-instant"),
                Arguments.of("/api/cases/{case}/entries", Map.of("kind", "DOCUMENT", "visibility", "INTERNAL",
                                "document", with(new LinkedHashMap<>(validDocument()), "sizeBytes", -1)),
                        "document.sizeBytes", "size-range"),
                Arguments.of("/api/cases/{case}/entries", Map.of("kind", "DOCUMENT", "visibility", "INTERNAL",
                                "document", with(new LinkedHashMap<>(validDocument()), "mediaType", "PDF")),
                        "document.mediaType", "media-type"),
                Arguments.of("/api/cases/{case}/entries", with(with(entry(), "document", validDocument()), "kind",
                        "NOTE"), "document", "note-is-text"),
                Arguments.of("/api/citizens", with(citizen(), "dateOfBirth", "1961-02-29"), "dateOfBirth", "iso-date"),
                Arguments.of("/api/cases/{case}/status", with(status(), "status", "FINISHED"), "status", "one-of"),
                Arguments.of("/api/cases/{case}/deadline", with(deadline(), "deadline", "2026-13-01"), "deadline",
                        "iso-date"));
    }

    @ParameterizedTest(name = "{0}: {2} breaks {3}")
    @MethodSource("invalidValues")
    void givenInvalidValue_whenPosting_thenBadRequestNamingFieldAndRule(String template, Map<String, Object> body,
                                                                       String field, String rule) {
        long before = events.total();

        Http.Response response = post(template, body);

        assertInvalid(response, field, rule);
        assertThat(events.total()).isEqualTo(before);
    }

    @Test
    void givenDateOfBirthInTheFuture_whenOpeningCitizen_thenBadRequest() {
        String tomorrow = today().plusDays(10).toString();

        Http.Response response = post("/api/citizens", with(citizen(), "dateOfBirth", tomorrow));

        assertInvalid(response, "dateOfBirth", "date-of-birth-in-future");
    }

    @Test
    void givenDateOfBirthInTheFuture_whenCorrecting_thenBadRequestAndNothingStored() {
        long before = events.count(citizenId);

        Http.Response response = post("/api/citizens/{citizen}/corrections",
                with(masterData(), "dateOfBirth", today().plusDays(10).toString()));

        assertInvalid(response, "dateOfBirth", "date-of-birth-in-future");
        assertThat(events.count(citizenId)).isEqualTo(before);
    }

    @Test
    void givenDeadlineBeforeToday_whenChangingDeadline_thenBadRequestDeadlineBeforeOpening() {
        long before = events.count(caseId);

        Http.Response response = post("/api/cases/{case}/deadline",
                with(deadline(), "deadline", today().minusDays(2).toString()));

        assertInvalid(response, "deadline", "deadline-before-opening");
        assertThat(events.count(caseId)).isEqualTo(before);
    }

    @Test
    void givenDeadlineBeforeToday_whenOpeningCase_thenBadRequestDeadlineBeforeOpening() {
        long before = events.total();

        Http.Response response = post("/api/citizens/{citizen}/cases",
                with(newCase(), "deadline", today().minusDays(2).toString()));

        assertInvalid(response, "deadline", "deadline-before-opening");
        assertThat(events.total()).isEqualTo(before);
    }

    @Test
    void givenConfidentialityBelowTheCaseType_whenOpeningHousingBenefitCase_thenBadRequest() {
        long before = events.total();

        Http.Response response = http.post(path("/api/citizens/{citizen}/cases"), Map.of("caseType",
                "housing-benefit", "subject", "Wohngeld", "confidentiality", "NORMAL"))
                .token(staffToken("bad-social", "50")).send();

        assertInvalid(response, "confidentiality", "confidentiality-below-case-type");
        assertThat(events.total()).isEqualTo(before);
    }

    // ---- ids in the path ---------------------------------------------------------------------------

    static Stream<Arguments> pathsWithIds() {
        return Stream.of(
                Arguments.of("GET", "/api/citizens/{id}/file", null, "citizenId"),
                Arguments.of("POST", "/api/citizens/{id}/corrections", masterData(), "citizenId"),
                Arguments.of("POST", "/api/citizens/{id}/moves", move(), "citizenId"),
                Arguments.of("POST", "/api/citizens/{id}/cases", newCase(), "citizenId"),
                Arguments.of("GET", "/api/cases/{id}", null, "caseId"),
                Arguments.of("POST", "/api/cases/{id}/entries", entry(), "caseId"),
                Arguments.of("POST", "/api/cases/{id}/status", status(), "caseId"),
                Arguments.of("POST", "/api/cases/{id}/deadline", deadline(), "caseId"));
    }

    static Stream<Arguments> pathsWithMalformedIds() {
        return pathsWithIds().flatMap(a -> Stream.of("not-a-uuid", "1-1-1-1-1", "123", "%27--",
                "3f2b8c1e-0c4a-4f7e-9d2a-5b6c7d8e9f01x").map(id -> Arguments.of(a.get()[0], a.get()[1], a.get()[2],
                a.get()[3], id)));
    }

    @ParameterizedTest(name = "{0} {1} with id {4}")
    @MethodSource("pathsWithMalformedIds")
    void givenMalformedIdInPath_whenCalling_thenBadRequestNotServerError(String method, String template,
                                                                        Map<String, Object> body, String field,
                                                                        String id) {
        long before = events.total();

        Http.Response response = http.request(method, template.replace("{id}", id),
                body == null ? null : JSON.writeValueAsString(body)).token(clerk).send();

        assertInvalid(response, field, "uuid");
        assertThat(events.total()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pathsWithIds")
    void givenUnknownId_whenCalling_thenNotFoundProblemAndNothingStored(String method, String template,
                                                                       Map<String, Object> body, String field) {
        long before = events.total();

        Http.Response response = http.request(method, template.replace("{id}", UUID.randomUUID().toString()),
                body == null ? null : JSON.writeValueAsString(body)).token(clerk).send();

        assertProblem(response, 404, null);
        assertThat(events.total()).as("no event, not even an access entry").isEqualTo(before);
    }

    @Test
    void givenCaseIdAsCitizenId_whenReadingFile_thenNotFound() {
        Http.Response response = http.get("/api/citizens/" + caseId + "/file").token(clerk).send();

        assertProblem(response, 404, "not-found");
    }

    /** A well-formed id of the other aggregate type: a citizen's id where a case id belongs and back. */
    static Stream<Arguments> idsOfTheOtherType() {
        return Stream.of(
                Arguments.of("/api/citizens/{case}/corrections", masterData()),
                Arguments.of("/api/citizens/{case}/moves", move()),
                Arguments.of("/api/cases/{citizen}/entries", entry()),
                Arguments.of("/api/cases/{citizen}/status", status()),
                Arguments.of("/api/cases/{citizen}/deadline", deadline()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idsOfTheOtherType")
    void givenIdOfOtherAggregateType_whenCommanding_thenRefusedAndNothingStored(String template,
                                                                               Map<String, Object> body) {
        long before = events.total();

        Http.Response response = post(template, body);

        assertThat(response.status()).as(response.body()).isGreaterThanOrEqualTo(400);
        assertProblem(response, response.status(), null);
        assertThat(events.total()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idsOfTheOtherType")
    void givenIdOfOtherAggregateType_whenCommanding_thenNotFound(String template, Map<String, Object> body) {
        Http.Response response = post(template, body);

        assertProblem(response, 404, "not-found");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/citizens/abc%3Bdef/file", "/api/citizens/abc;v=1/file", "/api/cases/%2e%2e",
            "/api//cases/x", "/api/cases/a%2Fb"})
    void givenPathRefusedByFirewall_whenCalling_thenBadRequestProblem(String path) {
        Http.Response response = http.get(path).token(clerk).send();

        assertProblem(response, 400, null);
    }

    // ---- size --------------------------------------------------------------------------------------

    private static String oversizedCitizen() {
        Map<String, Object> body = citizen();
        body.put("placeOfBirth", "L".repeat(LIMIT + 10));
        return JSON.writeValueAsString(body);
    }

    @Test
    void givenBodyOverLimitWithContentLength_whenPosting_thenPayloadTooLargeAndNothingStored() {
        long before = events.total();

        Http.Response response = http.post("/api/citizens", oversizedCitizen()).token(clerk).send();

        assertProblem(response, 413, "body-too-large");
        assertThat(events.total()).isEqualTo(before);
    }

    @Test
    void givenBodyOverLimitWithContentLength_whenPostingWithoutToken_thenRefusedWithoutReadingIt() {
        Http.Response response = http.post("/api/citizens", oversizedCitizen()).send();

        assertThat(response.status()).isIn(401, 413);
        assertProblem(response, response.status(), null);
    }

    @Test
    void givenChunkedBodyOverLimit_whenPosting_thenNeverServerErrorAndNothingStored() {
        long before = events.total();

        Http.Response response = sendChunked("/api/citizens", oversizedCitizen());

        assertThat(response.status()).isIn(400, 413);
        assertProblem(response, response.status(), null);
        assertThat(events.total()).isEqualTo(before);
    }

    @Test
    void givenChunkedBodyOverLimit_whenPosting_thenPayloadTooLarge() {
        Http.Response response = sendChunked("/api/citizens", oversizedCitizen());

        assertProblem(response, 413, "body-too-large");
    }

    /** A valid citizen body padded with JSON whitespace to exactly the given number of bytes. */
    private static String citizenOfExactly(int bytes, String familyName) {
        String json = JSON.writeValueAsString(with(citizen(), "familyName", familyName));
        int length = json.getBytes(StandardCharsets.UTF_8).length;
        return json + " ".repeat(bytes - length);
    }

    @Test
    void givenBodyOfExactlyTheLimit_whenPosting_thenAccepted() {
        Http.Response response = http.post("/api/citizens", citizenOfExactly(LIMIT, "Grenzfall")).token(clerk).send();

        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    @Test
    void givenBodyOneByteOverTheLimit_whenPosting_thenPayloadTooLarge() {
        long before = events.total();

        Http.Response response = http.post("/api/citizens", citizenOfExactly(LIMIT + 1, "Grenzfall")).token(clerk)
                .send();

        assertProblem(response, 413, "body-too-large");
        assertThat(events.total()).isEqualTo(before);
    }

    @Test
    void givenChunkedBodyOfExactlyTheLimit_whenPosting_thenAccepted() {
        Http.Response response = sendChunked("/api/citizens", citizenOfExactly(LIMIT, "Stückgrenze"));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    @Test
    void givenChunkedBodyUnderLimit_whenPosting_thenAccepted() {
        Map<String, Object> body = citizen();
        body.put("familyName", "Stückweise");

        Http.Response response = sendChunked("/api/citizens", JSON.writeValueAsString(body));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    /** JDK's HttpClient sends a body of unknown length (an InputStream) chunked. */
    private Http.Response sendChunked(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + clerk)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .build();
        try {
            HttpResponse<String> response = CHUNKING_CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = response.headers().map().entrySet().stream().collect(Collectors.toMap(
                    e -> e.getKey().toLowerCase(Locale.ROOT), e -> String.join(",", e.getValue())));
            return new Http.Response(response.statusCode(), Collections.unmodifiableMap(headers), response.body());
        } catch (IOException e) {
            throw new AssertionError("the server should answer, not drop the connection", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- headers -----------------------------------------------------------------------------------

    @ParameterizedTest(name = "If-Match: {0}")
    @ValueSource(strings = {"abc", "1", "\"x\"", "\"1\" \"2\"", "\"-1\"", "\"12345678901234567890\""})
    void givenMalformedIfMatch_whenChangingStatus_thenBadRequestAndNothingStored(String ifMatch) {
        long before = events.count(caseId);

        Http.Response response = http.post(path("/api/cases/{case}/status"), Map.of("status", "IN_PROGRESS"))
                .token(clerk).header("If-Match", ifMatch).send();

        assertProblem(response, 400, "if-match");
        assertThat(events.count(caseId)).isEqualTo(before);
    }

    @Test
    void givenMalformedIfMatch_whenCorrecting_thenBadRequest() {
        Http.Response response = http.post(path("/api/citizens/{citizen}/corrections"), masterData()).token(clerk)
                .header("If-Match", "version-3").send();

        assertProblem(response, 400, "if-match");
    }

    @ParameterizedTest(name = "Consistency-Token: {0}")
    @ValueSource(strings = {"nonsense", "{citizen}", "{citizen}:", "{citizen}:abc", "{citizen}:-1",
            "not-a-uuid:1", "{citizen}:1234567890123456789"})
    void givenMalformedConsistencyToken_whenReadingFile_thenBadRequest(String token) {
        long marker = events.mark();

        Http.Response response = http.get(path("/api/citizens/{citizen}/file")).token(clerk)
                .header("Consistency-Token", path(token)).send();

        assertProblem(response, 400, "consistency-token");
        assertThat(events.payloadsSince(marker, StoredEvents.ACCESS_RECORDED)).isEmpty();
    }

    @Test
    void givenMalformedConsistencyToken_whenReadingCase_thenBadRequest() {
        Http.Response response = http.get(path("/api/cases/{case}")).token(clerk)
                .header("Consistency-Token", "latest").send();

        assertProblem(response, 400, "consistency-token");
    }

    @Test
    void givenMoreThanTwentyConsistencyTokens_whenReading_thenBadRequest() {
        String tokens = Stream.generate(() -> citizenId + ":0").limit(21).collect(Collectors.joining(","));

        Http.Response response = http.get(path("/api/citizens/{citizen}/file")).token(clerk)
                .header("Consistency-Token", tokens).send();

        assertProblem(response, 400, "consistency-token");
    }

    @ParameterizedTest(name = "Idempotency-Key: {0}")
    @ValueSource(strings = {"short", "has space in it", "ünïcödé-key-123"})
    void givenMalformedIdempotencyKey_whenOpeningCitizen_thenBadRequestAndNothingStored(String key) {
        long before = events.total();

        Http.Response response = http.post("/api/citizens", citizen()).token(clerk).header("Idempotency-Key", key)
                .send();

        assertProblem(response, 400, "idempotency-key");
        assertThat(events.total()).isEqualTo(before);
    }

    @Test
    void givenUnsafeRequestId_whenCalling_thenServerUsesItsOwnCorrelationId() {
        Http.Response response = http.get(path("/api/citizens/{citizen}/file")).token(clerk)
                .header("X-Request-Id", "<script>alert(1)</script>").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Berlin"));
    }

    private static Map<String, Object> validDocument() {
        return Map.of("title", "Antrag.pdf", "mediaType", "application/pdf", "sizeBytes", 48213,
                "sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "receivedAt", "2026-11-20T08:15:00Z");
    }
}
