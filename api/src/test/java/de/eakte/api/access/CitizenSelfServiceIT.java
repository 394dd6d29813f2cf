package de.eakte.api.access;

import de.eakte.api.support.Http;
import de.eakte.api.support.PostgresApiTest;
import de.eakte.api.support.StoredEvents;
import de.eakte.projections.file.ConsolidatedFileProjection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import static de.eakte.api.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen's own file over HTTP (GDPR Art. 15): master data and every own case, also strictly
 * confidential ones and other offices', with only the entries marked visible to the citizen; a
 * case by its file reference; nothing of anyone else, and no staff endpoint. Each read is recorded
 * under the rule citizen-own-file.
 */
class CitizenSelfServiceIT extends PostgresApiTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    private ConsolidatedFileProjection projection;

    private StoredEvents events;
    private String run;
    private String registration;
    private String trade;
    private String social;

    @BeforeEach
    void setUp() {
        events = new StoredEvents(jdbc);
        run = UUID.randomUUID().toString().substring(0, 8);
        registration = staffToken("self-anna-" + run, "33");
        trade = staffToken("self-bert-" + run, "32");
        social = staffToken("self-sina-" + run, "50");
    }

    /** A citizen with an identity card (an internal note, a letter to the citizen), housing benefit and a trade. */
    private record Fixture(String citizenId, String token, Http.Response idCard, Http.Response housing,
                           Http.Response trade, String note, String letter) {

        List<String> references() {
            return List.of(idCard.text("fileReference"), housing.text("fileReference"), trade.text("fileReference"));
        }
    }

    private Fixture fixture(String familyName) {
        String citizenId = createCitizen(registration, citizenBody(familyName, "Mia", "1979-07-17"));
        Http.Response idCard = opened(registration, citizenId, "identity-card", "Personalausweis " + run);
        String note = "Interner Vermerk: Unterschrift zweifelhaft " + run;
        String letter = "Ihr Antrag ist eingegangen " + run;
        entry(registration, idCard, "NOTE", "INTERNAL", note);
        Http.Response lastEntry = entry(registration, idCard, "OUTGOING_LETTER", "CITIZEN", letter);
        Http.Response housing = opened(social, citizenId, "housing-benefit", "Wohngeld " + run);
        Http.Response tradeCase = opened(trade, citizenId, "trade-registration", "Gewerbe " + run);
        awaitProjected(lastEntry, housing, tradeCase);
        return new Fixture(citizenId, token("citizen", "self-mia-" + run, null, citizenId), idCard, housing, tradeCase,
                note, letter);
    }

    @Test
    void givenOwnFile_whenReadingMeFile_thenMasterDataAllOwnCasesAndOnlyEntriesVisibleToTheCitizen() {
        Fixture mine = fixture("Selbst");
        long mark = events.mark();

        Http.Response file = http.get("/api/me/file").token(mine.token()).send();

        assertThat(file.status()).as(file.body()).isEqualTo(200);
        JsonNode body = file.json();
        assertThat(body.path("citizenId").asString()).isEqualTo(mine.citizenId());
        assertThat(body.path("familyName").asString()).isEqualTo("Selbst");
        assertThat(body.path("dateOfBirth").asString()).isEqualTo("1979-07-17");
        assertThat(body.at("/address/street").asString()).isEqualTo("Hauptstraße");
        // strictly confidential (office 50) and other offices' cases are the citizen's own, too
        assertThat(references(body.path("cases"))).containsExactlyInAnyOrderElementsOf(mine.references());
        JsonNode idCard = byReference(body.path("cases"), mine.idCard().text("fileReference"));
        assertThat(idCard.path("entries")).hasSize(1);
        assertThat(idCard.at("/entries/0/text").asString()).isEqualTo(mine.letter());
        assertThat(idCard.at("/entries/0/visibility").asString()).isEqualTo("CITIZEN");
        assertThat(byReference(body.path("cases"), mine.housing().text("fileReference")).path("office").asString())
                .isEqualTo("50");
        assertThat(file.body()).doesNotContain(mine.note()).doesNotContain("Unterschrift zweifelhaft")
                .doesNotContain("INTERNAL");

        JsonNode access = onlyAccess(mark);
        assertThat(access.path("rule").asString()).isEqualTo("citizen-own-file");
        assertThat(access.path("outcome").asString()).isEqualTo("GRANTED");
        assertThat(access.path("actorRole").asString()).isEqualTo("CITIZEN");
        assertThat(access.path("citizenId").asString()).isEqualTo(mine.citizenId());
        assertThat(strings(access.path("fileReferences"))).containsExactlyInAnyOrderElementsOf(mine.references());
    }

    @Test
    void givenOwnFileReference_whenReadingMyCase_thenStatusDeadlineAndOverdueFlag() {
        Fixture mine = fixture("Verfolgt");
        String reference = mine.idCard().text("fileReference");
        long mark = events.mark();

        Http.Response read = http.get("/api/me/cases/" + reference).token(mine.token()).send();

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        JsonNode body = read.json();
        assertThat(body.path("fileReference").asString()).isEqualTo(reference);
        assertThat(body.path("office").asString()).isEqualTo("33");
        assertThat(body.path("status").asString()).isEqualTo("OPEN");
        // PAuswG: 21 target days for an identity card
        assertThat(body.path("deadline").asString())
                .isEqualTo(LocalDate.ofInstant(clock.instant(), BERLIN).plusDays(21).toString());
        assertThat(body.path("overdue").asBoolean()).isFalse();
        assertThat(body.path("entries")).hasSize(1);
        assertThat(read.body()).doesNotContain(mine.note());
        assertThat(onlyAccess(mark).path("rule").asString()).isEqualTo("citizen-own-file");

        clock.advance(Duration.ofDays(30));
        try {
            long overdueMark = events.mark();
            Http.Response overdue = http.get("/api/me/cases/" + reference).token(mine.token()).send();

            assertThat(overdue.json().path("overdue").asBoolean()).as(overdue.body()).isTrue();
            assertThat(onlyAccess(overdueMark).path("rule").asString()).isEqualTo("citizen-own-file");
        } finally {
            clock.advance(Duration.ofDays(-30));
        }
    }

    @Test
    void givenAnotherCitizensFileReference_whenReadingMyCase_thenNotFoundLikeAReferenceNobodyHas() {
        Fixture mine = fixture("Neugierig");
        String other = createCitizen(registration, citizenBody("Nachbar", "Nils", "1960-06-06"));
        Http.Response theirs = opened(registration, other, "passport", "Reisepass Nachbar " + run);
        awaitProjected(theirs);
        String theirReference = theirs.text("fileReference");
        String nobodys = theirReference.substring(0, theirReference.indexOf('-', 3) + 1) + "999999"
                + theirReference.substring(theirReference.lastIndexOf('-'));

        long mark = events.mark();

        Http.Response read = http.get("/api/me/cases/" + theirReference).token(mine.token()).send();
        Http.Response unknown = http.get("/api/me/cases/" + nobodys).token(mine.token()).send();

        assertProblem(read, 404, "not-found");
        assertProblem(unknown, 404, "not-found");
        assertThat(read.body()).doesNotContain(other).doesNotContain(theirs.text("caseId"))
                .doesNotContain("Nachbar").doesNotContain("Reisepass").doesNotContain("passport");
        // the answer is the same as for a reference that was never issued: it tells nothing
        assertThat(read.body().replace(theirReference, "REF")).isEqualTo(unknown.body().replace(nobodys, "REF"));
        assertThat(events.payloadsSince(mark, StoredEvents.ACCESS_RECORDED)).as("nothing was read").isEmpty();
    }

    @Test
    void givenCitizenToken_whenCallingStaffEndpoints_thenForbiddenRoleAndNothingRecorded() {
        Fixture mine = fixture("Grenze");
        String other = createCitizen(registration, citizenBody("Andere", "Ada", "1970-01-01"));
        Http.Response theirs = opened(trade, other, "trade-registration", "Gewerbe Andere " + run);
        awaitProjected(theirs);
        long mark = events.mark();

        List<String> paths = List.of("/api/citizens/" + other + "/file", "/api/cases/" + theirs.text("caseId"),
                "/api/citizens/" + mine.citizenId() + "/file", "/api/cases/" + mine.idCard().text("caseId"),
                "/api/dpo/break-glass");
        for (String path : paths) {
            Http.Response response = http.get(path).token(mine.token()).send();
            assertProblem(response, 403, "forbidden-role");
            assertThat(response.body()).as(path).doesNotContain("Andere").doesNotContain("Gewerbe");
        }

        assertThat(events.payloadsSince(mark, StoredEvents.ACCESS_RECORDED)).isEmpty();
    }

    @Test
    void givenStaffToken_whenReadingMe_thenForbiddenRole() {
        Http.Response response = http.get("/api/me/file").token(registration).send();

        assertProblem(response, 403, "forbidden-role");
    }

    @Test
    void givenCitizenTokenNamingAnUnknownCitizen_whenReadingMe_thenNotFoundAndNothingRecorded() {
        String ghost = token("citizen", "self-ghost-" + run, null, UUID.randomUUID().toString());
        long mark = events.mark();

        Http.Response file = http.get("/api/me/file").token(ghost).send();
        Http.Response read = http.get("/api/me/cases/33-122.20-000001-2026").token(ghost).send();

        assertProblem(file, 404, "not-found");
        assertProblem(read, 404, "not-found");
        assertThat(events.payloadsSince(mark, StoredEvents.ACCESS_RECORDED)).isEmpty();
    }

    @Test
    void givenOwnFileReference_whenReadingMyCase_thenTheAccessEntryNamesOnlyThatCase() {
        Fixture mine = fixture("Genau");
        String reference = mine.idCard().text("fileReference");
        long mark = events.mark();

        Http.Response read = http.get("/api/me/cases/" + reference).token(mine.token()).send();

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        JsonNode access = onlyAccess(mark);
        assertThat(strings(access.path("fileReferences"))).as("what the response held").containsExactly(reference);
        assertThat(strings(access.path("categories"))).containsExactlyInAnyOrder("CASE_SUMMARIES", "CASE_ENTRIES");
    }

    @Test
    void givenOwnFile_whenReadingMeFile_thenTheRecordedCategoriesAreWhatTheResponseHeld() {
        Fixture mine = fixture("Kategorie");
        long mark = events.mark();

        Http.Response file = http.get("/api/me/file").token(mine.token()).send();

        assertThat(file.status()).as(file.body()).isEqualTo(200);
        List<String> recorded = strings(onlyAccess(mark).path("categories"));
        assertThat(recorded.contains("ADDRESS_HISTORY")).as("recorded " + recorded + ", response " + file.body())
                .isEqualTo(file.json().path("addressHistory").isArray());
        assertThat(recorded).contains("MASTER_DATA", "CASE_SUMMARIES", "CASE_ENTRIES");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private JsonNode onlyAccess(long mark) {
        List<JsonNode> recorded = events.payloadsSince(mark, StoredEvents.ACCESS_RECORDED);
        assertThat(recorded).as("one access entry per read").hasSize(1);
        return recorded.get(0);
    }



    /** /api/me takes no Consistency-Token: wait for the read model to reach each write. */
    private void awaitProjected(Http.Response... writes) {
        for (Http.Response write : writes) {
            String[] token = write.header("Consistency-Token").split(":");
            long version = Long.parseLong(token[1]);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (projection.reachedVersion(token[0]).orElse(-1L) < version) {
                assertThat(System.nanoTime()).as("read model at " + write.header("Consistency-Token"))
                        .isLessThan(deadline);
                LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
            }
        }
    }

    private static JsonNode byReference(JsonNode cases, String reference) {
        for (JsonNode c : cases) {
            if (reference.equals(c.path("fileReference").asString())) {
                return c;
            }
        }
        throw new AssertionError("no case " + reference + " in " + cases);
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
