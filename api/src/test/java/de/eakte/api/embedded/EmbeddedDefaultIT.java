package de.eakte.api.embedded;

import de.eakte.api.security.LocalIssuer;
import de.eakte.api.security.LocalIssuerSettings;
import de.eakte.api.support.Http;
import de.eakte.api.support.TempDirectory;
import de.eakte.audit.ledger.verify.LedgerVerifier;
import de.eakte.audit.ledger.verify.Report;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Smoke suite on the embedded default: nothing configured but a fresh data directory, so the H2
 * file database and the local issuer are what a newcomer gets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedDefaultIT {

    private static final TempDirectory DATA_DIR = new TempDirectory("eakte-embedded");

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

    @Test
    void givenNothingConfigured_thenH2FileUnderDataDirAndTheTourWorks() throws Exception {
        assertThat(issuer.enabled()).isTrue();
        assertThat(jdbc.getDataSource().getConnection().getMetaData().getURL()).startsWith("jdbc:h2:file:" + DATA_DIR.get());
        assertThat(DATA_DIR.get().resolve("db/eakte.mv.db")).exists();
        assertThat(DATA_DIR.get().resolve("keys/local-issuer-rsa.pem")).exists();

        Http http = new Http(port);
        String token = LocalIssuer.loadOrCreate(issuer).mint("alice", "staff", "33", null, Clock.systemUTC());
        Http.Response citizen = http.post("/api/citizens", Map.of("familyName", "Müller", "givenNames", "Jörg",
                "dateOfBirth", "1975-07-14", "placeOfBirth", "Leipzig", "idNr", "86095742719",
                "address", Map.of("street", "Straße des 17. Juni", "houseNumber", "3", "postcode", "04107",
                        "city", "Leipzig"))).token(token).send();
        assertThat(citizen.status()).isEqualTo(201);
        String citizenId = citizen.text("citizenId");

        Http.Response opened = http.post("/api/citizens/" + citizenId + "/cases",
                Map.of("caseType", "registration", "subject", "Ummeldung")).token(token).send();
        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.text("fileReference")).startsWith("33-122.10-000001-");

        Http.Response file = http.get("/api/citizens/" + citizenId + "/file").token(token)
                .header("Consistency-Token", opened.header("Consistency-Token")).send();
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.json().at("/citizen/givenNames").asText()).isEqualTo("Jörg");
        assertThat(file.json().at("/cases/0/caseType").asText()).isEqualTo("registration");

        // the main rules hold here too
        assertThat(http.get("/api/citizens/" + citizenId + "/file").send().status()).isEqualTo(401);
        String trade = LocalIssuer.loadOrCreate(issuer).mint("bob", "staff", "32", null, Clock.systemUTC());
        assertThat(http.post("/api/cases/" + opened.text("caseId") + "/status", Map.of("status", "IN_PROGRESS"))
                .token(trade).send().status()).isEqualTo(403);
        Integer accessEntries = jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type = 'de.eakte.core.access.AccessRecorded'",
                Integer.class);
        assertThat(accessEntries).isEqualTo(1);

        // the ledger on H2: every event a leaf under a signed checkpoint, and the verifier agrees
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "SELECT COALESCE(MAX(tree_size), 0) FROM ledger_checkpoint", Long.class) >= events);
        Report report = new LedgerVerifier(jdbc).verify(List.of(), List.of(), done -> { });
        assertThat(report.findings()).isEmpty();
        assertThat(report.leaves()).isGreaterThanOrEqualTo(events);
        assertThat(http.get("/api/ledger/checkpoint").send().text("note")).startsWith("eakte.local/ledger\n");
    }
}
