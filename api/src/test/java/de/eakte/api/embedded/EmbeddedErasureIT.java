package de.eakte.api.embedded;

import de.eakte.api.security.LocalIssuer;
import de.eakte.api.security.LocalIssuerSettings;
import de.eakte.api.support.Http;
import de.eakte.api.support.TempDirectory;
import de.eakte.api.support.MutableClock;
import de.eakte.api.support.PlaintextScan;
import de.eakte.api.support.TestClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Erasure on the embedded H2 file: after the keys are destroyed and the file is compacted
 * (SHUTDOWN COMPACT rewrites it, dropping old pages), none of the citizen's words is left in any
 * file of the database directory. The database is shut down at the end, so the context goes too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
@DirtiesContext
class EmbeddedErasureIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final TempDirectory DATA_DIR = new TempDirectory("eakte-embedded-erasure");

    @DynamicPropertySource
    static void freshDataDirectory(DynamicPropertyRegistry registry) {
        registry.add("eakte.data-dir", () -> DATA_DIR.get().toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    LocalIssuerSettings issuer;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    private String token(String role, String subject, String office, String citizen) {
        return LocalIssuer.loadOrCreate(issuer).mint(subject, role, office, citizen, Clock.systemUTC());
    }

    @Test
    void givenAnErasedCitizen_whenTheH2FileIsCompacted_thenNoneOfTheirWordsIsLeftInIt() throws IOException {
        List<String> words = List.of("Vogelsangerin", "Hiltrudis", "Oberquellenweg", "Tannhaeuserklause",
                "Mondscheinsonate", "Bernsteinzimmer");
        Http http = new Http(port);
        String clerk = token("staff", "clerk-a", "33", null);
        Http.Response citizen = http.post("/api/citizens", Map.of("familyName", "Vogelsangerin", "givenNames", "Hiltrudis",
                "dateOfBirth", "1950-01-02", "placeOfBirth", "Tannhaeuserklause", "address", Map.of("street",
                        "Oberquellenweg", "houseNumber", "5", "postcode", "04107", "city", "Leipzig"))).token(clerk).send();
        assertThat(citizen.status()).as(citizen.body()).isEqualTo(201);
        String id = citizen.text("citizenId");
        Http.Response opened = http.post("/api/citizens/" + id + "/cases",
                Map.of("caseType", "registration", "subject", "Ummeldung Mondscheinsonate")).token(clerk).send();
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String caseId = opened.text("caseId");
        assertThat(http.post("/api/cases/" + caseId + "/entries", Map.of("kind", "NOTE", "visibility", "INTERNAL",
                "text", "Rückfrage zum Bernsteinzimmer")).token(clerk).send().status()).isEqualTo(201);
        assertThat(http.post("/api/cases/" + caseId + "/status", Map.of("status", "CLOSED")).token(clerk).send()
                .status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT retention_ends_on FROM case_view WHERE case_id = ?", LocalDate.class, caseId) != null);
        LocalDate retentionEnds = jdbc.queryForObject("SELECT retention_ends_on FROM case_view WHERE case_id = ?",
                LocalDate.class, caseId);
        assertThat(PlaintextScan.findings(jdbc, "PUBLIC", words)).isNotEmpty();

        clock.set(retentionEnds.plusDays(1).atTime(9, 0).atZone(BERLIN).toInstant());
        String citizenToken = token("citizen", "buerger-h", null, id);
        Http.Response asked = http.post("/api/me/erasure-request", Map.of()).token(citizenToken).send();
        assertThat(asked.text("state")).as(asked.body()).isEqualTo("PENDING_DECISION");
        Http.Response erased = http.post("/api/citizens/" + id + "/erasure-decision", Map.of("erase", true))
                .token(token("staff", "clerk-b", "33", null)).send();
        assertThat(erased.text("state")).as(erased.body()).isEqualTo("ERASED");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(PlaintextScan.findings(jdbc, "PUBLIC", words)).isEmpty());
        assertThat(http.get("/api/citizens/" + id + "/file").token(clerk).send().status()).isEqualTo(410);

        jdbc.execute("SHUTDOWN COMPACT");

        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(DATA_DIR.get().resolve("db"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                PlaintextScan.findingsInFile(Files.readAllBytes(file), words).forEach(w -> found.add(file.getFileName() + ": " + w));
            }
        }
        assertThat(found).isEmpty();
    }
}
