package de.eakte.api.access;

import de.eakte.api.support.Http;
import de.eakte.api.support.PostgresApiTest;
import de.eakte.api.support.StoredEvents;
import de.eakte.projections.file.ConsolidatedFileProjection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * No read of citizen data bypasses the access policy: every GET endpoint under /api/ the server
 * maps, called with the role its path needs, either stores an AccessRecorded event (it went
 * through {@link CitizenDataReads}) or is allowlisted below as returning no citizen's personal
 * data. A new GET endpoint that does neither fails this test by name.
 */
class EveryReadPassesThePolicyIT extends PostgresApiTest {

    /**
     * GET endpoints that return no citizen's personal data, each with why. A key ending in
     * {@code /**} covers that path and everything below it; other keys are exact patterns.
     */
    static final Map<String, String> ALLOWLIST = Map.ofEntries(
            Map.entry("/api/catalogue/**", "reference data: offices, case types and the purposes in force"),
            Map.entry("/api/admin/catalogue/**", "the admins' catalogue changes: reference data, no citizen's data"),
            Map.entry("/api/admin/projections/**", "the read models' names and rebuild progress: counts, no citizen's data"),
            Map.entry("/api/admin/disposal-lists/**", "records management's disposal lists: file references, offices, "
                    + "disposal kinds, dates and outcomes; no names, subjects or entries"),
            Map.entry("/api/dpo/catalogue/**", "the same catalogue changes with the DPO's opinions: no citizen's data"),
            Map.entry("/api/dpo/break-glass", "the DPO's audit queue of grants; each use was recorded when it was opened "
                    + "(an AccessRecorded break-glass entry and BreakGlassOpened)"),
            Map.entry("/api/dpo/access-log", "the DPO's audit view of access entries (pseudonymised staff); exports are "
                    + "recorded as AccessLogExported"),
            Map.entry("/api/dpo/access-log.csv", "the DPO's audit view of access entries (pseudonymised staff); exports are "
                    + "recorded as AccessLogExported"),
            Map.entry("/api/ledger/**", "the ledger: signed checkpoints, public keys and proofs made of hashes of "
                    + "stored (sealed) events; no citizen's data"),
            Map.entry("/api/me/access-log/{referenceNumber}/proof", "the ledger proof of the citizen's own access "
                    + "entry: the stored row's bytes (staff member sealed), hashes and a checkpoint; not recorded, like the log"),
            Map.entry("/api/dpo/anomalies", "the DPO's anomaly report over the access entries (pseudonymised staff, "
                    + "citizen ids, rules and facts; no names or case contents), like /api/dpo/access-log"),
            Map.entry("/api/dpo/searches", "the DPO's view of staff searches: each answer with its criteria is stored as a "
                    + "SearchLogRead event (filters, searches shown) before it leaves"),
            Map.entry("/api/dpo/re-identifications/**", "re-identification of staff pseudonyms (four eyes): staff data, "
                    + "no citizen's; each reveal is stored as ReIdentificationRevealed"),
            Map.entry("/api/me/access-log", "the citizen's own access log, not recorded: each look would add an entry to the "
                    + "log being read, and it shows the citizen only who looked at their data"),
            Map.entry("/api/me/data-tracker/usagePeriod", "the citizen's own access log (Data Tracker form), not recorded: "
                    + "like /api/me/access-log, each look would add an entry to the log being read"),
            Map.entry("/api/me/data-tracker/heartbeat", "the Data Tracker liveness answer: status and server time, no "
                    + "citizen's data"));

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");
    private static final String PROBE = "/api/it-probe/{citizenId}";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Autowired
    private ConsolidatedFileProjection projection;

    private StoredEvents events;
    private String run;

    @BeforeEach
    void setUp() {
        events = new StoredEvents(jdbc);
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void givenEveryGetEndpointUnderApi_whenCalledWithTheRoleItNeeds_thenEachRecordedAnAccessOrIsAllowlisted() {
        Set<String> endpoints = getEndpoints();
        assertThat(endpoints).as("the enumeration sees the known reads").contains("/api/citizens/{citizenId}/file",
                "/api/cases/{caseId}", "/api/me/file", "/api/me/cases/{fileReference}", "/api/dpo/break-glass");

        List<String> failures = check(endpoints, fixture());

        if (!failures.isEmpty()) {
            fail(failures.size() + " GET endpoint(s) under /api/ neither passed the access policy nor are "
                    + "allowlisted:\n" + String.join("\n", failures));
        }
    }

    @Test
    void givenANewGetEndpointThatRecordsNothing_whenChecked_thenTheFailureNamesItAndSaysWhatToDo() throws Exception {
        RequestMappingInfo probe = RequestMappingInfo.paths(PROBE).methods(RequestMethod.GET)
                .options(mappings.getBuilderConfiguration()).build();
        mappings.registerMapping(probe, new Probe(), Probe.class.getMethod("read", String.class));
        try {
            assertThat(getEndpoints()).contains(PROBE);

            List<String> failures = check(Set.of(PROBE), fixture());

            assertThat(failures).singleElement().asString().contains("GET " + PROBE)
                    .contains("CitizenDataReads").contains("ALLOWLIST");
        } finally {
            // the context is shared by every IT: leave it as it was
            mappings.unregisterMapping(probe);
        }
    }

    /** A read of personal data that forgets the policy, as a new endpoint might. */
    @ResponseBody
    static class Probe {
        public Map<String, String> read(@PathVariable("citizenId") String citizenId) {
            return Map.of("citizenId", citizenId, "familyName", "Probe");
        }
    }

    // ---- the check -----------------------------------------------------------------------------

    /** Every path pattern under /api/ that answers GET (a mapping without methods answers every method). */
    private Set<String> getEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            info.getPatternValues().stream().filter(p -> p.startsWith("/api/")).forEach(endpoints::add);
        }
        return endpoints;
    }

    /** What is wrong, one line per endpoint; empty if every endpoint recorded an access or is allowlisted. */
    private List<String> check(Set<String> endpoints, Fixture fixture) {
        List<String> failures = new ArrayList<>();
        for (String pattern : endpoints) {
            if (allowlisted(pattern)) {
                continue;
            }
            String path;
            try {
                path = substitute(pattern, fixture);
            } catch (IllegalArgumentException e) {
                failures.add("GET " + pattern + ": " + e.getMessage());
                continue;
            }
            long mark = events.mark();
            Http.Response response = http.get(path).token(tokenFor(pattern, fixture)).send();
            int recorded = events.payloadsSince(mark, StoredEvents.ACCESS_RECORDED).size();
            if (response.status() >= 300) {
                failures.add("GET " + pattern + " (called as " + path + ") answered " + response.status()
                        + ", so it could not be checked: give it the role and ids it needs in "
                        + "EveryReadPassesThePolicyIT.tokenFor/substitute, or allowlist it. " + response.body());
            } else if (recorded == 0) {
                failures.add("GET " + pattern + " (called as " + path + ") answered " + response.status()
                        + " without storing an AccessRecorded event. If it returns a citizen's data, read it through "
                        + "CitizenDataReads (the access policy decides and records every read); if it returns no "
                        + "citizen's personal data, add it to ALLOWLIST in EveryReadPassesThePolicyIT with a "
                        + "one-line reason.");
            }
        }
        return failures;
    }

    private static boolean allowlisted(String pattern) {
        for (String key : ALLOWLIST.keySet()) {
            if (key.endsWith("/**")) {
                String base = key.substring(0, key.length() - 3);
                if (pattern.equals(base) || pattern.startsWith(base + "/")) {
                    return true;
                }
            } else if (pattern.equals(key)) {
                return true;
            }
        }
        return false;
    }

    private String substitute(String pattern, Fixture fixture) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "citizenId" -> fixture.citizenId();
                case "caseId" -> fixture.caseId();
                case "fileReference" -> fixture.fileReference();
                case "grantId" -> fixture.grantId();
                case "id" -> pattern.startsWith("/api/cases/") ? fixture.caseId() : fixture.citizenId();
                default -> throw new IllegalArgumentException("the path variable {" + m.group(1) + "} has no id in "
                        + "this test: add one to EveryReadPassesThePolicyIT.substitute (and the fixture)");
            };
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        return path.toString();
    }

    /** The role the path needs; staff of 33 hold a case context for the fixture's citizen. */
    private String tokenFor(String pattern, Fixture fixture) {
        if (pattern.startsWith("/api/me/") || pattern.equals("/api/me")) {
            return token("citizen", "every-read-citizen-" + run, null, fixture.citizenId());
        }
        if (pattern.startsWith("/api/dpo/")) {
            return token("dpo", "dora", null, null);
        }
        if (pattern.startsWith("/api/admin/")) {
            return token("admin", "every-read-admin-" + run, null, null);
        }
        return fixture.staff();
    }

    // ---- the fixture ---------------------------------------------------------------------------

    /** A citizen with a case of office 33 (an entry visible to the citizen), and a break-glass grant on demand. */
    private final class Fixture {
        private final String staff;
        private final String citizenId;
        private final String caseId;
        private final String fileReference;
        private String grantId;

        private Fixture(String staff, String citizenId, String caseId, String fileReference) {
            this.staff = staff;
            this.citizenId = citizenId;
            this.caseId = caseId;
            this.fileReference = fileReference;
        }

        String staff() {
            return staff;
        }

        String citizenId() {
            return citizenId;
        }

        String caseId() {
            return caseId;
        }

        String fileReference() {
            return fileReference;
        }

        /** Opened by a trade-office colleague on first use, before any mark is taken. */
        String grantId() {
            if (grantId == null) {
                long mark = events.mark();
                Http.Response read = http.get("/api/citizens/" + citizenId + "/file")
                        .token(staffToken("every-read-bert-" + run, "32"))
                        .header("Access-Break-Glass", "Notfall: Polizei vor Ort, Gefahr im Verzug").send();
                assertThat(read.status()).as(read.body()).isEqualTo(200);
                List<JsonNode> opened = events.payloadsSince(mark, "de.eakte.core.access.BreakGlassOpened");
                assertThat(opened).hasSize(1);
                grantId = opened.get(0).path("grantId").asString();
            }
            return grantId;
        }
    }

    private Fixture fixture() {
        String staff = staffToken("every-read-anna-" + run, "33");
        String citizenId = createCitizen(staff, citizenBody("Jeder", "Jan", "1975-05-05"));
        Http.Response opened = openCase(staff, citizenId, "identity-card", "Personalausweis " + run);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        Http.Response entry = http.post("/api/cases/" + opened.text("caseId") + "/entries",
                Map.of("kind", "OUTGOING_LETTER", "visibility", "CITIZEN", "text", "Eingangsbestätigung")).token(staff)
                .send();
        assertThat(entry.status()).as(entry.body()).isEqualTo(201);
        // /api/me takes no Consistency-Token: wait for the read model here
        String[] token = entry.header("Consistency-Token").split(":");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (projection.reachedVersion(token[0]).orElse(-1L) < Long.parseLong(token[1])) {
            assertThat(System.nanoTime()).as("read model at " + entry.header("Consistency-Token")).isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        return new Fixture(staff, citizenId, opened.text("caseId"), opened.text("fileReference"));
    }
}
