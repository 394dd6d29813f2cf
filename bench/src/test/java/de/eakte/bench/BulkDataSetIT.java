package de.eakte.bench;

import de.eakte.bench.load.Load;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bench's bulk path ({@code --bulk}) writes what the API would have written (issue #7): the
 * same citizen and cases created once over the API and once in bulk give the same consolidated
 * file and the same events (type, sequence, metadata), data keys and file references; the search
 * finds the bulk citizen; a bad item refuses its whole batch; and a scenario runs on a bulk data
 * set without errors, one access entry per read. Correctness only, never speed.
 */
class BulkDataSetIT {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");
    private static final Pattern FILE_REFERENCE = Pattern.compile("\\d{2,3}-[0-9.]{1,15}-\\d{6,12}-\\d{4}");

    @Test
    void aCitizenAndCasesCreatedInBulkAreWhatTheApiWouldHaveWritten() throws Exception {
        Options o = Options.parse(new String[]{"--no-limits"}, 0);
        Path dir = Files.createTempDirectory("eakte-bench-bulk-it-");
        try (Database db = Database.create(o)) {
            Tokens tokens = Tokens.createIssuerKey(dir);
            try (Server server = Server.start(o, db, dir, "bulk-it")) {
                Http http = new Http(server.base());
                String registrationOffice = tokens.staff("bench-it-33", "33");
                String vehicleOffice = tokens.staff("bench-it-36", "36");
                DataSet.CitizenRow citizen = DataSet.CitizenRow.of(42, 7);
                DataSet.CaseRow registration = DataSet.CaseRow.of(42, 7, 100);
                DataSet.CaseRow vehicle = new DataSet.CaseRow(0, DataSet.CASE_TYPES[3], "Zulassung eines Fahrzeugs Nr. 1");
                assertEquals("registration", registration.type()[1]);

                String overApi = Http.field(Bench.expect(http.post("/api/citizens", registrationOffice, citizen.apiBody()), 201)
                        .body(), "citizenId");
                List<String> apiCases = List.of(
                        Http.field(Bench.expect(http.post("/api/citizens/" + overApi + "/cases", registrationOffice,
                                registration.apiBody()), 201).body(), "caseId"),
                        Http.field(Bench.expect(http.post("/api/citizens/" + overApi + "/cases", vehicleOffice,
                                vehicle.apiBody()), 201).body(), "caseId"));

                String inBulk = DataSet.openInBulk(http, registrationOffice, List.of(citizen)).get(0);
                String[] ids = {inBulk};
                List<String> bulkCases = new ArrayList<>(DataSet.openCasesInBulk(http, registrationOffice,
                        List.of(new DataSet.CaseRow(0, registration.type(), registration.subject())), ids));
                bulkCases.addAll(DataSet.openCasesInBulk(http, vehicleOffice, List.of(vehicle), ids));

                String apiFile = awaitFile(http, registrationOffice, overApi);
                String bulkFile = awaitFile(http, registrationOffice, inBulk);
                assertEquals(normalised(apiFile), normalised(bulkFile), "the consolidated file, ids, times and file references aside");
                assertTrue(bulkFile.contains(citizen.familyName()) && bulkFile.contains(citizen.idNr()), bulkFile);

                assertEquals(events(db, overApi), events(db, inBulk), "the citizen's events: type, sequence, payload type, metadata");
                for (int i = 0; i < 2; i++) {
                    assertEquals(events(db, apiCases.get(i)), events(db, bulkCases.get(i)), "case " + i + "'s events");
                    assertEquals(1, db.count("SELECT count(*) FROM file_reference WHERE case_id = '" + bulkCases.get(i) + "'"));
                }
                assertEquals(3, db.count("SELECT count(*) FROM data_key WHERE key_id LIKE 'citizen/" + inBulk + "%'"),
                        "the citizen's key and one per case, as over the API");
                assertEquals(3, db.count("SELECT count(*) FROM data_key WHERE key_id LIKE 'citizen/" + overApi + "%'"));

                String search = "{\"familyName\":" + DataSet.json(citizen.familyName()) + ",\"givenNames\":"
                        + DataSet.json(citizen.givenNames()) + ",\"birthYear\":" + citizen.birthYear() + "}";
                await(() -> http.post("/api/search/citizens", vehicleOffice, search, "Access-Purpose", Bench.PURPOSE,
                        "Access-Reason", Bench.REASON).body(), body -> body.contains(inBulk) && body.contains(overApi),
                        "the search finds both citizens");

                long events = db.events();
                HttpResponse<String> foreignType = http.post("/bench/bulk/cases", registrationOffice, "{\"cases\":["
                        + new DataSet.CaseRow(0, registration.type(), "gültig").bulkItem(inBulk) + ","
                        + vehicle.bulkItem(inBulk) + "]}");
                assertEquals(403, foreignType.statusCode(), foreignType.body());
                assertTrue(foreignType.body().contains("case-type-of-own-office"), foreignType.body());
                HttpResponse<String> unknownCitizen = http.post("/bench/bulk/cases", registrationOffice, "{\"cases\":["
                        + registration.bulkItem("3f2b8c1e-0c4a-4f7e-9d2a-5b6c7d8e9f01") + "]}");
                assertEquals(404, unknownCitizen.statusCode(), unknownCitizen.body());
                HttpResponse<String> badIdNr = http.post("/bench/bulk/citizens", registrationOffice, "{\"citizens\":["
                        + citizen.bulkItem().replace(citizen.idNr(), "12345678901") + "]}");
                assertEquals(400, badIdNr.statusCode(), badIdNr.body());
                HttpResponse<String> notStaff = http.post("/bench/bulk/citizens", tokens.citizen(inBulk), "{\"citizens\":["
                        + citizen.bulkItem() + "]}");
                assertEquals(403, notStaff.statusCode(), notStaff.body());
                assertEquals(401, http.post("/bench/bulk/citizens", null, "{\"citizens\":[]}").statusCode());
                assertEquals(events, db.events(), "a refused batch writes nothing, not even its valid items");
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aScenarioRunsOnABulkDataSetWithOneAccessEntryPerRead() throws Exception {
        Options options = Options.parse(new String[]{"--bulk", "--citizens", "250", "--cases", "600", "--concurrency", "2",
                "--warmup", "1s", "--duration", "2s", "--no-limits"}, 0);
        Bench.Report report = Bench.run("file-read", options, System.out);

        assertTrue(report.failures.isEmpty(), () -> "failures: " + report.failures);
        assertTrue(report.lines.stream().anyMatch(l -> l.startsWith("data set: 250 citizens, 600 cases created in bulk")),
                () -> "lines: " + report.lines);
        for (Load.Result r : report.results) {
            assertEquals(0, r.errors(), () -> r.name() + ": " + r.firstError());
            assertTrue(r.ok() > 0, () -> r.name() + " completed nothing");
        }
    }

    /** The citizen's file once the consolidated file has both cases (it follows the events asynchronously). */
    private static String awaitFile(Http http, String token, String citizenId) throws Exception {
        return await(() -> {
            HttpResponse<String> file = http.get("/api/citizens/" + citizenId + "/file", token,
                    "Access-Purpose", Bench.PURPOSE, "Access-Reason", Bench.REASON);
            return file.statusCode() == 200 ? file.body() : "";
        }, body -> FILE_REFERENCE.matcher(body).results().map(java.util.regex.MatchResult::group).distinct().count() == 2,
                "the file of " + citizenId + " with both cases");
    }

    private interface Call {
        String get() throws Exception;
    }

    private static String await(Call call, Predicate<String> done, String what) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        String last;
        do {
            last = call.get();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("not within 60 s: " + what + "; last answer: " + last);
    }

    private static String normalised(String json) {
        String s = UUID.matcher(json).replaceAll("{id}");
        s = INSTANT.matcher(s).replaceAll("{time}");
        return FILE_REFERENCE.matcher(s).replaceAll("{file-reference}");
    }

    /** An aggregate's events as stored, ids aside; the metadata as sorted key/value pairs. */
    private static List<String> events(Database db, String aggregateId) throws Exception {
        List<String> events = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement("SELECT aggregate_type, sequence_number,"
                + " payload_type, payload_revision, meta_data FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number")) {
            p.setString(1, aggregateId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    List<String> meta = new ArrayList<>();
                    Matcher m = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\"[^\"]*\"|[^,}]+)")
                            .matcher(new String(rs.getBytes(5), StandardCharsets.UTF_8));
                    while (m.find()) {
                        meta.add(m.group(1) + "=" + UUID.matcher(m.group(2)).replaceAll("{id}"));
                    }
                    meta.sort(null);
                    events.add(rs.getString(1) + " " + rs.getLong(2) + " " + rs.getString(3) + " " + rs.getString(4) + " " + meta);
                }
            }
        }
        assertTrue(!events.isEmpty(), "no events of " + aggregateId);
        return events;
    }
}
