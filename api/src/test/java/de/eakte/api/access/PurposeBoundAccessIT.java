package de.eakte.api.access;

import de.eakte.api.support.Http;
import de.eakte.api.support.PostgresApiTest;
import de.eakte.api.support.StoredEvents;
import de.eakte.projections.file.ConsolidatedFileProjection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static de.eakte.api.support.ProblemAssertions.assertInvalid;
import static de.eakte.api.support.ProblemAssertions.assertProblem;
import static de.eakte.api.support.ProblemAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purpose-bound access policy over HTTP on PostgreSQL: the case context and its end 90 days
 * after closing, stated purposes and what each may see, strictly confidential cases, break-glass
 * with its grant, its daily quota (also under concurrent requests) and the DPO's four-eyes review,
 * information blocks (BMG §§ 51, 52), and the roles that see no case contents (DPO without
 * break-glass, admin ever). Every policy denial leaves exactly one AccessRecorded event naming the
 * denying rule; input refused at the edge (400) reads nothing and records nothing.
 */
class PurposeBoundAccessIT extends PostgresApiTest {

    private static final String BREAK_GLASS_OPENED = "de.eakte.core.access.BreakGlassOpened";
    private static final String BREAK_GLASS_REVIEWED = "de.eakte.core.access.BreakGlassReviewed";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String JUSTIFICATION = "Notfall: Polizei vor Ort, Gefahr im Verzug";

    @Autowired
    private ConsolidatedFileProjection projection;

    private StoredEvents events;
    private String run;
    private String registration;
    private String trade;
    private String vehicles;
    private String social;
    private String dora;

    @BeforeEach
    void setUp() {
        events = new StoredEvents(jdbc);
        // fresh subjects per test: break-glass grants and the daily quota are counted per person
        run = UUID.randomUUID().toString().substring(0, 8);
        registration = staffToken("pba-anna-" + run, "33");
        trade = staffToken("pba-bert-" + run, "32");
        vehicles = staffToken("pba-carl-" + run, "36");
        social = staffToken("pba-sina-" + run, "50");
        dora = token("dpo", "dora", null, null);
    }

    // ---- case context --------------------------------------------------------------------------

    @Test
    void givenOpenCaseOfTheOffice_whenReadingWithoutPurpose_thenOwnCaseWithEntriesButNotTheTradeOfficesCase() {
        String citizenId = citizen("Kontext");
        Http.Response idCard = opened(registration, citizenId, "identity-card", "Personalausweis " + run);
        Http.Response tradeCase = opened(trade, citizenId, "trade-registration", "Gewerbe Imbiss " + run);
        Http.Response note = entry(registration, idCard, "NOTE", "INTERNAL", "Lichtbild liegt vor " + run);

        Http.Response file = http.get(fileOf(citizenId)).token(registration)
                .addHeader("Consistency-Token", note.header("Consistency-Token"))
                .addHeader("Consistency-Token", tradeCase.header("Consistency-Token")).send();

        assertThat(file.status()).as(file.body()).isEqualTo(200);
        JsonNode body = file.json();
        assertThat(body.at("/citizen/familyName").asString()).isEqualTo("Kontext");
        assertThat(references(body.path("cases"))).containsExactly(idCard.text("fileReference"));
        assertThat(body.at("/access/outcome").asString()).isEqualTo("GRANTED");
        assertThat(body.at("/access/rule").asString()).isEqualTo("case-context");
        // the case context covers master data and the office's cases, not the address history
        assertThat(strings(body.at("/access/notGranted"))).containsExactly("ADDRESS_HISTORY");
        assertThat(body.at("/citizen/addressHistory").isNull()).isTrue();
        assertNotMentioned(file, tradeCase, "Gewerbe Imbiss " + run);

        Http.Response own = http.get(caseOf(idCard)).token(registration).send();
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().path("entries")).hasSize(1);
        assertThat(own.json().at("/entries/0/text").asString()).isEqualTo("Lichtbild liegt vor " + run);
        assertThat(strings(own.json().at("/access/notGranted"))).isEmpty();

        long mark = events.mark();
        Http.Response foreign = http.get(caseOf(tradeCase)).token(registration).send();

        assertDenied(foreign, mark, "case-not-visible");
        assertThat(foreign.body()).doesNotContain(tradeCase.text("fileReference")).doesNotContain("Gewerbe Imbiss");
    }

    @Test
    void givenOwnCaseClosed_whenMoreThan90DaysPassed_thenTheContextIsGoneAndAPurposeIsRequired() {
        String citizenId = citizen("Abgeschlossen");
        Http.Response passport = opened(registration, citizenId, "passport", "Reisepass " + run);
        Http.Response closed = http.post("/api/cases/" + passport.text("caseId") + "/status",
                Map.of("status", "CLOSED")).token(registration).send();
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);

        Http.Response justClosed = http.get(fileOf(citizenId)).token(registration)
                .header("Consistency-Token", closed.header("Consistency-Token")).send();
        assertThat(justClosed.status()).as(justClosed.body()).isEqualTo(200);
        assertThat(references(justClosed.json().path("cases"))).containsExactly(passport.text("fileReference"));

        clock.advance(Duration.ofDays(89));
        try {
            Http.Response day89 = http.get(fileOf(citizenId)).token(registration).send();
            assertThat(day89.status()).as("still in context after 89 days: " + day89.body()).isEqualTo(200);

            clock.advance(Duration.ofDays(2));
            long mark = events.mark();
            Http.Response day91 = http.get(fileOf(citizenId)).token(registration).send();

            assertDenied(day91, mark, "purpose-required");
            long caseMark = events.mark();
            assertDenied(http.get(caseOf(passport)).token(registration).send(), caseMark, "purpose-required");
        } finally {
            clock.advance(Duration.ofDays(-91));
        }
    }

    // ---- stated purposes -----------------------------------------------------------------------

    @Test
    void givenAmtshilfe_whenReadingFileAndAnotherOfficesCase_thenSummariesOfAllOfficesButNoEntries() {
        String citizenId = citizen("Amtshilfe");
        Http.Response idCard = opened(registration, citizenId, "identity-card", "Personalausweis " + run);
        Http.Response tradeCase = opened(trade, citizenId, "trade-registration", "Gewerbe " + run);
        Http.Response note = entry(registration, idCard, "NOTE", "INTERNAL", "Nur fuer das Buergeramt " + run);

        Http.Response file = http.get(fileOf(citizenId)).token(vehicles).purpose("AMTSHILFE")
                .addHeader("Consistency-Token", note.header("Consistency-Token"))
                .addHeader("Consistency-Token", tradeCase.header("Consistency-Token")).send();

        assertThat(file.status()).as(file.body()).isEqualTo(200);
        JsonNode body = file.json();
        assertThat(body.at("/citizen/familyName").asString()).isEqualTo("Amtshilfe");
        assertThat(references(body.path("cases")))
                .containsExactlyInAnyOrder(idCard.text("fileReference"), tradeCase.text("fileReference"));
        assertThat(body.at("/access/rule").asString()).isEqualTo("purpose");
        assertThat(body.at("/access/purpose").asString()).isEqualTo("AMTSHILFE");
        assertThat(body.at("/access/legalBasis").asString()).isEqualTo("VwVfG §§ 4-8");
        assertThat(strings(body.at("/access/notGranted"))).containsExactly("ADDRESS_HISTORY");

        long mark = events.mark();
        Http.Response read = http.get(caseOf(idCard)).token(vehicles).purpose("AMTSHILFE").send();

        // AMTSHILFE covers case summaries, not entries: the case is shown without them
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().at("/summary/fileReference").asString()).isEqualTo(idCard.text("fileReference"));
        assertThat(read.json().path("entries").isNull()).as(read.body()).isTrue();
        assertThat(strings(read.json().at("/access/notGranted"))).containsExactly("CASE_ENTRIES");
        assertThat(read.body()).doesNotContain("Nur fuer das Buergeramt");
        List<JsonNode> recorded = events.payloadsSince(mark, StoredEvents.ACCESS_RECORDED);
        assertThat(recorded).hasSize(1);
        assertThat(strings(recorded.get(0).path("categories"))).containsExactly("CASE_SUMMARIES");
        assertThat(strings(recorded.get(0).path("fileReferences"))).containsExactly(idCard.text("fileReference"));
        assertThat(recorded.get(0).path("purpose").asString()).isEqualTo("AMTSHILFE");
    }

    @Test
    void givenBmg34WithoutCaseContext_whenReadingTheFile_thenMasterDataAndAddressHistoryButNoCases() {
        String citizenId = citizen("Melde");
        Http.Response moved = http.post("/api/citizens/" + citizenId + "/moves", Map.of("movedOn", "2026-03-01",
                "address", Map.of("street", "Lindenweg", "houseNumber", "3", "postcode", "04109", "city", "Leipzig")))
                .token(registration).send();
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        Http.Response tradeCase = opened(trade, citizenId, "trade-registration", "Gewerbe Kiosk " + run);

        Http.Response file = http.get(fileOf(citizenId)).token(registration).purpose("BMG-34")
                .addHeader("Consistency-Token", moved.header("Consistency-Token"))
                .addHeader("Consistency-Token", tradeCase.header("Consistency-Token")).send();

        assertThat(file.status()).as(file.body()).isEqualTo(200);
        JsonNode body = file.json();
        assertThat(body.at("/citizen/familyName").asString()).isEqualTo("Melde");
        assertThat(body.at("/citizen/addressHistory")).hasSize(2);
        assertThat(body.at("/citizen/address/street").asString()).isEqualTo("Lindenweg");
        assertThat(body.path("cases")).isEmpty();
        assertThat(strings(body.at("/access/notGranted"))).containsExactly("CASE_SUMMARIES");
        assertThat(body.at("/access/rule").asString()).isEqualTo("purpose");
        assertThat(body.at("/access/legalBasis").asString()).isEqualTo("BMG § 34");
        assertNotMentioned(file, tradeCase, "Gewerbe Kiosk " + run);

        // a case holds only case summaries and entries, neither of which BMG-34 covers
        long mark = events.mark();
        Http.Response read = http.get(caseOf(tradeCase)).token(registration).purpose("BMG-34").send();
        assertDenied(read, mark, "category-not-granted");
        assertThat(read.body()).doesNotContain(tradeCase.text("fileReference")).doesNotContain("Gewerbe Kiosk");
    }

    @Test
    void givenPurposeOfAnotherOfficesCatalogue_whenReading_thenPurposeUnknown() {
        String citizenId = citizen("Katalog");
        long mark = events.mark();

        Http.Response file = http.get(fileOf(citizenId)).token(registration).purpose("SGB-X-69").send();

        JsonNode recorded = assertDenied(file, mark, "purpose-unknown");
        assertThat(recorded.path("purpose").asString()).isEqualTo("SGB-X-69");
    }

    @ParameterizedTest(name = "reason \"{0}\"")
    @ValueSource(strings = {"ab", "a1b2c3"})
    void givenReasonWithoutThreeLettersInARow_whenReading_thenBadRequestAndNothingRecorded(String reason) {
        String citizenId = citizen("Grund");
        long mark = events.mark();

        Http.Response file = http.get(fileOf(citizenId)).token(vehicles).header("Access-Purpose", "AMTSHILFE")
                .header("Access-Reason", reason).send();

        assertInvalid(file, "Access-Reason", "reason-form");
        assertThat(events.payloadsSince(mark, StoredEvents.ACCESS_RECORDED)).isEmpty();
    }

    @Test
    void givenFileReferenceOfAnotherCitizensCase_whenReading_thenPurposeFileReference() {
        String citizenId = citizen("Bezug");
        String otherCitizen = citizen("Fremd");
        Http.Response otherCase = opened(trade, otherCitizen, "trade-registration", "Fremdes Gewerbe " + run);
        awaitProjected(otherCase);
        long mark = events.mark();

        Http.Response file = http.get(fileOf(citizenId)).token(vehicles).purpose("AMTSHILFE")
                .header("Access-File-Reference", otherCase.text("fileReference")).send();

        assertDenied(file, mark, "purpose-file-reference");
        assertThat(file.body()).doesNotContain("Fremdes Gewerbe").doesNotContain(otherCitizen);
    }

    @Test
    void givenRfc8187Reason_whenReading_thenTheDecodedReasonIsRecorded() {
        String citizenId = citizen("Kodiert");
        long mark = events.mark();

        Http.Response file = http.get(fileOf(citizenId)).token(vehicles).header("Access-Purpose", "AMTSHILFE")
                .header("Access-Reason", "UTF-8''Pr%C3%BCfung%20Wohnsitz").send();

        assertThat(file.status()).as(file.body()).isEqualTo(200);
        List<JsonNode> recorded = events.payloadsSince(mark, StoredEvents.ACCESS_RECORDED);
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).path("reason").path("key").asString()).as("sealed").startsWith("access/");
        assertThat(recorded.get(0).toString()).doesNotContain("Wohnsitz");
        assertThat(recorded.get(0).path("purpose").asString()).isEqualTo("AMTSHILFE");
    }

    @Test
    void givenRfc8187ReasonWithALanguageTag_whenReading_thenTheDecodedReasonIsRecorded() {
        String citizenId = citizen("Sprache");
        long mark = events.mark();

        Http.Response file = http.get(fileOf(citizenId)).token(vehicles).header("Access-Purpose", "AMTSHILFE")
                .header("Access-Reason", "UTF-8'de'Pr%C3%BCfung%20Wohnsitz").send();

        assertThat(file.status()).as(file.body()).isEqualTo(200);
        List<JsonNode> recorded = events.payloadsSince(mark, StoredEvents.ACCESS_RECORDED);
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).path("reason").path("key").asString()).as("sealed").startsWith("access/");
        assertThat(recorded.get(0).toString()).doesNotContain("Wohnsitz");
    }

    @Test
    void givenRawNonAsciiInAPurposeHeader_whenReading_thenBadRequestRfc8187() throws IOException {
        String citizenId = citizen("Roh");
        long mark = events.mark();

        // the JDK HttpClient writes header values as US-ASCII ("Pr?fung"), so the raw UTF-8 bytes a
        // client like curl sends go over a plain socket here
        RawResponse file = rawGet(fileOf(citizenId), "Authorization: Bearer " + vehicles, "Access-Purpose: AMTSHILFE",
                "Access-Reason: Prüfung Wohnsitz");

        assertThat(file.status()).as(file.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(file.body());
        assertThat(problem.path("type").asString()).isEqualTo("urn:eakte:problem:validation");
        assertThat(problem.path("field").asString()).isEqualTo("Access-Reason");
        assertThat(problem.path("rule").asString()).isEqualTo("rfc8187");
        assertThat(events.payloadsSince(mark, StoredEvents.ACCESS_RECORDED)).isEmpty();
    }

    // ---- strictly confidential -----------------------------------------------------------------

    @Test
    void givenHousingBenefitCase_whenOtherOfficeReadsWithAmtshilfe_thenNeverShown_butSocialServicesSeeIt() {
        String citizenId = citizen("Wohngeld");
        Http.Response housing = opened(social, citizenId, "housing-benefit", "Wohngeldantrag " + run);
        Http.Response note = entry(social, housing, "NOTE", "INTERNAL", "Einkommensnachweis fehlt " + run);
        Http.Response idCard = opened(registration, citizenId, "identity-card", "Personalausweis " + run);

        Http.Response file = http.get(fileOf(citizenId)).token(registration).purpose("AMTSHILFE")
                .addHeader("Consistency-Token", note.header("Consistency-Token"))
                .addHeader("Consistency-Token", idCard.header("Consistency-Token")).send();

        assertThat(file.status()).as(file.body()).isEqualTo(200);
        assertThat(references(file.json().path("cases"))).containsExactly(idCard.text("fileReference"));
        assertNotMentioned(file, housing, "Wohngeldantrag " + run);
        assertThat(file.body()).doesNotContain("housing-benefit");

        long mark = events.mark();
        Http.Response denied = http.get(caseOf(housing)).token(registration).purpose("AMTSHILFE").send();
        assertDenied(denied, mark, "case-not-visible");
        assertThat(denied.body()).doesNotContain("Wohngeldantrag").doesNotContain("Einkommensnachweis");
        // naming the hidden case's file reference tells nothing either: denied like a reference nobody has
        long probeMark = events.mark();
        Http.Response probe = http.get(fileOf(citizenId)).token(registration).purpose("AMTSHILFE")
                .header("Access-File-Reference", housing.text("fileReference")).send();
        JsonNode probed = assertDenied(probe, probeMark, "purpose-file-reference");
        Http.Response nobodys = http.get(fileOf(citizenId)).token(registration).purpose("AMTSHILFE")
                .header("Access-File-Reference", "50-470.10-999999-2026").send();
        assertThat(probe.json().path("detail")).isEqualTo(nobodys.json().path("detail"));
        assertThat(probed.path("fileReferences")).isEmpty();

        Http.Response own = http.get(caseOf(housing)).token(social).send();
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().at("/access/rule").asString()).isEqualTo("case-context");
        assertThat(own.json().at("/entries/0/text").asString()).isEqualTo("Einkommensnachweis fehlt " + run);
        Http.Response ownFile = http.get(fileOf(citizenId)).token(social).send();
        assertThat(references(ownFile.json().path("cases"))).containsExactly(housing.text("fileReference"));
    }

    @Test
    void givenHousingBenefitCase_whenBreakGlass_thenShownQueuedForTheDpoAndGrantedForThirtyMinutes() {
        String citizenId = citizen("Notfall");
        Http.Response housing = opened(social, citizenId, "housing-benefit", "Wohngeld " + run);
        long mark = events.mark();

        Http.Response read = http.get(caseOf(housing)).token(registration).header("Access-Break-Glass", JUSTIFICATION)
                .header("Consistency-Token", housing.header("Consistency-Token")).send();

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().at("/access/outcome").asString()).isEqualTo("BREAK_GLASS");
        assertThat(read.json().at("/access/rule").asString()).isEqualTo("break-glass");
        assertThat(read.json().path("entries").isArray()).isTrue();
        List<JsonNode> opened = events.payloadsSince(mark, BREAK_GLASS_OPENED);
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).path("citizenId").asString()).isEqualTo(citizenId);
        assertThat(opened.get(0).path("actorSubject").path("key").asString()).as("sealed").startsWith("access/");
        assertThat(opened.get(0).path("justification").path("key").asString()).as("sealed").startsWith("access/");
        assertThat(opened.get(0).toString()).doesNotContain("pba-anna-" + run).doesNotContain(JUSTIFICATION);
        String grantId = opened.get(0).path("grantId").asString();
        List<JsonNode> recorded = events.payloadsSince(mark, StoredEvents.ACCESS_RECORDED);
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).path("outcome").asString()).isEqualTo("BREAK_GLASS");
        assertThat(recorded.get(0).path("flagged").asBoolean()).isTrue();
        assertThat(recorded.get(0).path("breakGlass").path("key").asString()).as("sealed").startsWith("access/");
        assertThat(recorded.get(0).toString()).doesNotContain(JUSTIFICATION);

        JsonNode grant = grant(http.get("/api/dpo/break-glass?status=PENDING").token(dora).send(), grantId);
        assertThat(grant).as("the grant is in the DPO's review queue").isNotNull();
        assertThat(grant.path("reviewStatus").asString()).isEqualTo("PENDING");
        assertThat(grant.path("citizenId").asString()).isEqualTo(citizenId);
        assertThat(grant.path("actorSubject").asString()).isEqualTo("pba-anna-" + run);
        assertThat(grant.path("actorOffice").asString()).isEqualTo("33");
        assertThat(Duration.between(Instant.parse(grant.path("openedAt").asString()),
                Instant.parse(grant.path("expiresAt").asString()))).isEqualTo(Duration.ofMinutes(30));

        clock.advance(Duration.ofMinutes(29));
        try {
            long withinMark = events.mark();
            Http.Response within = http.get(fileOf(citizenId)).token(registration).send();

            assertThat(within.status()).as(within.body()).isEqualTo(200);
            assertThat(within.json().at("/access/rule").asString()).isEqualTo("break-glass-grant");
            assertThat(within.json().at("/access/outcome").asString()).isEqualTo("BREAK_GLASS");
            assertThat(references(within.json().path("cases"))).containsExactly(housing.text("fileReference"));
            assertThat(events.payloadsSince(withinMark, BREAK_GLASS_OPENED)).as("no new grant").isEmpty();
            List<JsonNode> withinRecorded = events.payloadsSince(withinMark, StoredEvents.ACCESS_RECORDED);
            assertThat(withinRecorded).hasSize(1);
            assertThat(withinRecorded.get(0).path("rule").asString()).isEqualTo("break-glass-grant");
            assertThat(withinRecorded.get(0).path("flagged").asBoolean()).isTrue();

            clock.advance(Duration.ofMinutes(2));
            long afterMark = events.mark();
            Http.Response after = http.get(fileOf(citizenId)).token(registration).send();

            assertDenied(after, afterMark, "purpose-required");
        } finally {
            clock.advance(Duration.ofMinutes(-31));
        }
    }

    @Test
    void givenThreeBreakGlassToday_whenTheSamePersonBreaksGlassAFourthTime_thenBreakGlassQuota() {
        List<String> citizens = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String citizenId = citizen("Kontingent");
            citizens.add(citizenId);
            Http.Response read = http.get(fileOf(citizenId)).token(trade)
                    .header("Access-Break-Glass", JUSTIFICATION + " (" + i + ")").send();
            assertThat(read.status()).as(i + ": " + read.body()).isEqualTo(200);
            assertThat(read.json().at("/access/rule").asString()).isEqualTo("break-glass");
        }
        String fourthCitizen = citizen("Kontingent");
        long mark = events.mark();

        Http.Response fourth = http.get(fileOf(fourthCitizen)).token(trade)
                .header("Access-Break-Glass", JUSTIFICATION + " (4)").send();

        JsonNode recorded = assertDenied(fourth, mark, "break-glass-quota");
        assertThat(recorded.path("flagged").asBoolean()).as("a refused break-glass is shown to the DPO").isTrue();
        assertThat(recorded.path("breakGlass").path("key").asString()).as("sealed").startsWith("access/");
        assertThat(recorded.toString()).doesNotContain(JUSTIFICATION);
        assertThat(events.payloadsSince(mark, BREAK_GLASS_OPENED)).isEmpty();
        // a justification while a grant is in force uses that grant, not the quota
        Http.Response withinGrant = http.get(fileOf(citizens.get(0))).token(trade)
                .header("Access-Break-Glass", JUSTIFICATION + " (5)").send();
        assertThat(withinGrant.status()).as(withinGrant.body()).isEqualTo(200);
        assertThat(withinGrant.json().at("/access/rule").asString()).isEqualTo("break-glass-grant");
        assertThat(events.payloadsSince(mark, BREAK_GLASS_OPENED)).isEmpty();
        // the quota is per person: a colleague of the same office may still break the glass
        Http.Response colleague = http.get(fileOf(fourthCitizen)).token(staffToken("pba-bea-" + run, "32"))
                .header("Access-Break-Glass", JUSTIFICATION).send();
        assertThat(colleague.status()).as(colleague.body()).isEqualTo(200);
    }

    @Test
    void givenConcurrentBreakGlassReads_whenTheSamePersonSendsEight_thenAtMostThreeAreGranted() throws Exception {
        List<String> citizens = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            citizens.add(citizen("Gleichzeitig"));
        }
        long mark = events.mark();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Http.Response>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                String justification = JUSTIFICATION + " (" + i + ")";
                String citizenId = citizens.get(i);
                futures.add(pool.submit(() -> http.get(fileOf(citizenId)).token(trade)
                        .header("Access-Break-Glass", justification).send()));
            }
            int granted = 0;
            for (Future<Http.Response> future : futures) {
                Http.Response response = future.get(30, TimeUnit.SECONDS);
                assertThat(response.status()).as(response.body()).isIn(200, 403);
                granted += response.status() == 200 ? 1 : 0;
            }

            assertThat(events.payloadsSince(mark, BREAK_GLASS_OPENED)).as("grants opened").hasSize(granted);
            assertThat(granted).as("the daily quota of 3 holds under concurrent requests").isEqualTo(3);
            List<String> rules = new ArrayList<>();
            events.payloadsSince(mark, StoredEvents.ACCESS_RECORDED).forEach(e -> rules.add(e.path("rule").asString()));
            assertThat(rules).as("one access entry per request").hasSize(8)
                    .filteredOn("break-glass-quota"::equals).hasSize(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenJustificationOf19Characters_whenBreakingGlass_thenBadRequestAndNoGrant() {
        String citizenId = citizen("Kurz");
        String justification = "Notfall, Polizei da";
        assertThat(justification).hasSize(19);
        long mark = events.mark();

        Http.Response read = http.get(fileOf(citizenId)).token(trade).header("Access-Break-Glass", justification)
                .send();

        assertInvalid(read, "Access-Break-Glass", "break-glass-justification");
        assertThat(events.payloadsSince(mark, BREAK_GLASS_OPENED)).isEmpty();
        assertThat(events.payloadsSince(mark, StoredEvents.ACCESS_RECORDED)).isEmpty();
    }

    // ---- DPO review ----------------------------------------------------------------------------

    @Test
    void givenPendingGrant_whenTheDpoReviewsIt_thenJustifiedListedAndStored_andASecondReviewConflicts() {
        String citizenId = citizen("Pruefung");
        String grantId = breakGlassGrant(trade, citizenId);
        long mark = events.mark();

        Http.Response reviewed = http.post("/api/dpo/break-glass/" + grantId + "/review",
                Map.of("verdict", "JUSTIFIED", "note", "Polizeieinsatz bestätigt")).token(dora).send();

        assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
        assertThat(reviewed.text("reviewStatus")).isEqualTo("JUSTIFIED");
        assertThat(reviewed.text("reviewedBy")).isEqualTo("dora");
        assertThat(reviewed.text("reviewNote")).isEqualTo("Polizeieinsatz bestätigt");
        List<JsonNode> stored = events.payloadsSince(mark, BREAK_GLASS_REVIEWED);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).path("grantId").asString()).isEqualTo(grantId);
        assertThat(stored.get(0).path("reviewerSubject").path("key").asString()).as("sealed").startsWith("access/");
        assertThat(stored.get(0).path("note").path("key").asString()).as("sealed").startsWith("access/");
        assertThat(stored.get(0).path("verdict").asString()).isEqualTo("JUSTIFIED");
        JsonNode listed = grant(http.get("/api/dpo/break-glass?status=JUSTIFIED").token(dora).send(), grantId);
        assertThat(listed).isNotNull();
        assertThat(listed.path("reviewedBy").asString()).isEqualTo("dora");
        assertThat(grant(http.get("/api/dpo/break-glass?status=PENDING").token(dora).send(), grantId)).isNull();

        Http.Response again = http.post("/api/dpo/break-glass/" + grantId + "/review",
                Map.of("verdict", "UNJUSTIFIED")).token(token("dpo", "pba-dpo-erik-" + run, null, null)).send();

        assertRefused(again, 409, "already-reviewed");
        assertThat(events.payloadsSince(mark, BREAK_GLASS_REVIEWED)).hasSize(1);
    }

    @Test
    void givenDposOwnBreakGlass_whenTheSameDpoReviewsIt_thenFourEyes_butAnotherDpoMay() {
        String citizenId = citizen("Vieraugen");
        String erikSubject = "pba-dpo-erik-" + run;
        String erik = token("dpo", erikSubject, null, null);
        long mark = events.mark();

        Http.Response read = http.get(fileOf(citizenId)).token(erik).header("Access-Break-Glass", JUSTIFICATION)
                .send();

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().at("/access/outcome").asString()).isEqualTo("BREAK_GLASS");
        List<JsonNode> opened = events.payloadsSince(mark, BREAK_GLASS_OPENED);
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).path("actorRole").asString()).isEqualTo("dpo");
        assertThat(opened.get(0).toString()).as("the person is sealed").doesNotContain(erikSubject);
        String grantId = opened.get(0).path("grantId").asString();
        List<JsonNode> recorded = events.payloadsSince(mark, StoredEvents.ACCESS_RECORDED);
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).path("actorRole").asString()).isEqualTo("DPO");
        assertThat(recorded.get(0).path("rule").asString()).isEqualTo("break-glass");

        Http.Response own = http.post("/api/dpo/break-glass/" + grantId + "/review",
                Map.of("verdict", "JUSTIFIED")).token(erik).send();

        assertRefused(own, 403, "four-eyes-review");
        assertThat(grant(http.get("/api/dpo/break-glass?status=PENDING").token(dora).send(), grantId)).isNotNull();
        Http.Response staff = http.post("/api/dpo/break-glass/" + grantId + "/review",
                Map.of("verdict", "JUSTIFIED")).token(registration).send();
        assertProblem(staff, 403, "forbidden-role");

        Http.Response other = http.post("/api/dpo/break-glass/" + grantId + "/review",
                Map.of("verdict", "UNJUSTIFIED", "note", "kein Notfall erkennbar")).token(dora).send();

        assertThat(other.status()).as(other.body()).isEqualTo(200);
        assertThat(other.text("reviewStatus")).isEqualTo("UNJUSTIFIED");
        assertThat(other.text("actorSubject")).isEqualTo(erikSubject);
        assertThat(events.payloadsSince(mark, BREAK_GLASS_REVIEWED)).hasSize(1);
    }

    // ---- information block ---------------------------------------------------------------------

    @Test
    void givenInformationBlock_whenAnotherOfficeReads_thenOnlyBreakGlassSeesTheFile_untilTheBlockIsLifted() {
        String citizenId = citizen("Sperre");
        Map<String, String> block = Map.of("kind", "BLOCK");

        Http.Response notRegistration = http.post("/api/citizens/" + citizenId + "/information-block", block)
                .token(vehicles).send();
        assertRefused(notRegistration, 403, "registration-office-only");
        Http.Response blocked = http.post("/api/citizens/" + citizenId + "/information-block", block)
                .token(registration).send();
        assertThat(blocked.status()).as(blocked.body()).isEqualTo(200);
        long mark = events.mark();

        Http.Response amtshilfe = http.get(fileOf(citizenId)).token(trade).purpose("AMTSHILFE")
                .header("Consistency-Token", blocked.header("Consistency-Token")).send();

        JsonNode recorded = assertDenied(amtshilfe, mark, "information-block");
        assertThat(recorded.path("flagged").asBoolean()).isTrue();
        assertThat(amtshilfe.body()).doesNotContain("Sperre");

        Http.Response emergency = http.get(fileOf(citizenId)).token(trade).header("Access-Break-Glass", JUSTIFICATION)
                .send();
        assertThat(emergency.status()).as(emergency.body()).isEqualTo(200);
        assertThat(emergency.json().at("/access/outcome").asString()).isEqualTo("BREAK_GLASS");
        assertThat(emergency.json().at("/citizen/familyName").asString()).isEqualTo("Sperre");

        Http.Response lifted = http.request("POST", "/api/citizens/" + citizenId + "/information-block/lift", null)
                .token(registration).send();
        assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
        Http.Response afterLift = http.get(fileOf(citizenId)).token(vehicles).purpose("AMTSHILFE")
                .header("Consistency-Token", lifted.header("Consistency-Token")).send();

        assertThat(afterLift.status()).as(afterLift.body()).isEqualTo(200);
        assertThat(afterLift.json().at("/access/rule").asString()).isEqualTo("purpose");
        assertThat(afterLift.json().at("/citizen/familyName").asString()).isEqualTo("Sperre");
    }

    // ---- roles ---------------------------------------------------------------------------------

    @Test
    void givenDpoWithoutBreakGlass_whenReadingAFileOrACase_thenDpoNoCaseContents() {
        String citizenId = citizen("Aufsicht");
        Http.Response idCard = opened(registration, citizenId, "identity-card", "Personalausweis " + run);
        awaitProjected(idCard);
        String dpo = token("dpo", "pba-dpo-" + run, null, null);

        long fileMark = events.mark();
        Http.Response file = http.get(fileOf(citizenId)).token(dpo).send();
        assertDenied(file, fileMark, "dpo-no-case-contents");
        assertThat(file.body()).doesNotContain("Aufsicht");

        long caseMark = events.mark();
        Http.Response read = http.get(caseOf(idCard)).token(dpo).purpose("AMTSHILFE").send();
        JsonNode recorded = assertDenied(read, caseMark, "dpo-no-case-contents");
        assertThat(recorded.path("actorRole").asString()).isEqualTo("DPO");
        assertThat(read.body()).doesNotContain(idCard.text("fileReference"));
    }

    @Test
    void givenAdmin_whenReadingAFileOrACaseEvenByBreakGlass_thenAdminNoCitizenData() {
        String citizenId = citizen("Verwaltung");
        Http.Response idCard = opened(registration, citizenId, "identity-card", "Personalausweis " + run);
        awaitProjected(idCard);
        String admin = token("admin", "pba-admin-" + run, null, null);

        long fileMark = events.mark();
        Http.Response file = http.get(fileOf(citizenId)).token(admin).header("Access-Break-Glass", JUSTIFICATION)
                .send();
        assertDenied(file, fileMark, "admin-no-citizen-data");
        assertThat(events.payloadsSince(fileMark, BREAK_GLASS_OPENED)).isEmpty();

        long caseMark = events.mark();
        Http.Response read = http.get(caseOf(idCard)).token(admin).send();
        JsonNode recorded = assertDenied(read, caseMark, "admin-no-citizen-data");
        assertThat(recorded.path("actorRole").asString()).isEqualTo("ADMIN");
        assertThat(read.body()).doesNotContain("Verwaltung").doesNotContain(idCard.text("fileReference"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dpo", "admin"})
    void givenDpoOrAdmin_whenWritingCitizenData_thenForbiddenRoleAndNothingStored(String role) {
        String citizenId = citizen("Schreibschutz");
        long mark = events.mark();

        Http.Response block = http.post("/api/citizens/" + citizenId + "/information-block", Map.of("kind", "BLOCK"))
                .token(token(role, "pba-" + role + "-" + run, null, null)).send();

        assertProblem(block, 403, "forbidden-role");
        assertThat(events.mark()).isEqualTo(mark);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private record RawResponse(int status, String body) {
    }

    /** An HTTP/1.0 GET over a plain socket, header lines sent as UTF-8 bytes; HTTP/1.0 answers unchunked. */
    private RawResponse rawGet(String path, String... headerLines) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n");
            for (String line : headerLines) {
                request.append(line).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(response.indexOf(' ') + 1, response.indexOf(' ') + 4));
            return new RawResponse(status, response.substring(response.indexOf("\r\n\r\n") + 4));
        }
    }

    /** A 403 of the access policy naming the rule, and exactly one DENIED access entry with that rule. */
    private JsonNode assertDenied(Http.Response response, long mark, String rule) {
        JsonNode problem = assertProblem(response, 403, "access-denied");
        assertThat(problem.path("rule").asString()).as(response.body()).isEqualTo(rule);
        List<JsonNode> recorded = events.payloadsSince(mark, StoredEvents.ACCESS_RECORDED);
        assertThat(recorded).as("exactly one access entry for the denial " + rule).hasSize(1);
        JsonNode access = recorded.get(0);
        assertThat(access.path("outcome").asString()).isEqualTo("DENIED");
        assertThat(access.path("rule").asString()).isEqualTo(rule);
        assertThat(access.path("categories")).as("a denial returns no data").isEmpty();
        assertThat(access.path("fileReferences")).isEmpty();
        return access;
    }

    private void assertNotMentioned(Http.Response response, Http.Response hiddenCase, String subject) {
        assertThat(response.body()).doesNotContain(hiddenCase.text("caseId"))
                .doesNotContain(hiddenCase.text("fileReference")).doesNotContain(subject);
    }

    /**
     * A citizen's file opened by the registration office (which gives it no case context), once the
     * read model has it: an unknown citizen would answer 404 before the policy is asked.
     */
    private String citizen(String familyName) {
        String citizenId = createCitizen(registration, citizenBody(familyName, "Lea", "1985-03-14"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (projection.reachedVersion(citizenId).isEmpty()) {
            assertThat(System.nanoTime()).as("citizen " + citizenId + " in the read model").isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        return citizenId;
    }



    /** Waits for the read model by a read of the writer's own case (its access entry precedes any mark). */
    private void awaitProjected(Http.Response openedCase) {
        Http.Response read = http.get(caseOf(openedCase)).token(ownerOf(openedCase))
                .header("Consistency-Token", openedCase.header("Consistency-Token")).send();
        assertThat(read.status()).as(read.body()).isEqualTo(200);
    }

    private String ownerOf(Http.Response openedCase) {
        return switch (openedCase.text("fileReference").substring(0, 2)) {
            case "33" -> registration;
            case "32" -> trade;
            case "36" -> vehicles;
            case "50" -> social;
            default -> throw new IllegalArgumentException(openedCase.text("fileReference"));
        };
    }

    /** Breaks the glass for the citizen and answers the grant's id. */
    private String breakGlassGrant(String token, String citizenId) {
        long mark = events.mark();
        Http.Response read = http.get(fileOf(citizenId)).token(token).header("Access-Break-Glass", JUSTIFICATION)
                .send();
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        List<JsonNode> opened = events.payloadsSince(mark, BREAK_GLASS_OPENED);
        assertThat(opened).hasSize(1);
        return opened.get(0).path("grantId").asString();
    }

    /** The grant with this id in a DPO list response, or null. */
    private static JsonNode grant(Http.Response list, String grantId) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        for (JsonNode grant : list.json()) {
            if (grantId.equals(grant.path("grantId").asString())) {
                return grant;
            }
        }
        return null;
    }

    private static String fileOf(String citizenId) {
        return "/api/citizens/" + citizenId + "/file";
    }

    private static String caseOf(Http.Response openedCase) {
        return "/api/cases/" + openedCase.text("caseId");
    }

    private static List<String> references(JsonNode cases) {
        List<String> references = new ArrayList<>();
        cases.forEach(c -> references.add(c.path("fileReference").asString()));
        return references;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
