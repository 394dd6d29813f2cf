package de.eakte.api.support;

import de.eakte.api.security.LocalIssuer;
import de.eakte.api.security.LocalIssuerSettings;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the integration tests against PostgreSQL: one server on a free port, one fresh database
 * and one temporary data directory for all subclasses (they share this Spring context), tokens
 * from the local issuer (explicitly enabled for development), and a clock the tests can move.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
public abstract class PostgresApiTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected MutableClock clock;

    @Autowired
    private LocalIssuerSettings issuerSettings;

    protected Http http;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", PostgresDatabase::url);
        registry.add("spring.datasource.username", PostgresDatabase::user);
        registry.add("spring.datasource.password", PostgresDatabase::password);
        registry.add("eakte.security.local-issuer.enabled", () -> "true");
        registry.add("eakte.data-dir", () -> DATA_DIR.get().toString());
        registry.add("eakte.read-your-writes.timeout", () -> "PT2S");
        // small, so the tests also load aggregates from snapshots
        registry.add("eakte.snapshot-every", () -> "5");
    }

    private static final TempDirectory DATA_DIR = new TempDirectory("eakte-it");

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    protected String staffToken(String subject, String office) {
        return LocalIssuer.loadOrCreate(issuerSettings).mint(subject, "staff", office, null, Clock.systemUTC());
    }

    protected String token(String role, String subject, String office, String citizen) {
        return LocalIssuer.loadOrCreate(issuerSettings).mint(subject, role, office, citizen, Clock.systemUTC());
    }

    /** A valid citizen body; tests change what they need. */
    protected static Map<String, Object> citizenBody(String familyName, String givenNames, String dateOfBirth) {
        return Map.of("familyName", familyName, "givenNames", givenNames, "dateOfBirth", dateOfBirth,
                "placeOfBirth", "Leipzig", "address",
                Map.of("street", "Hauptstraße", "houseNumber", "12", "postcode", "04109", "city", "Leipzig"));
    }

    protected String createCitizen(String token, Map<String, Object> body) {
        Http.Response response = http.post("/api/citizens", body).token(token).send();
        if (response.status() != 201) {
            throw new AssertionError("creating a citizen: " + response.status() + " " + response.body());
        }
        return response.text("citizenId");
    }

    protected Http.Response openCase(String token, String citizenId, String caseType, String subject) {
        return http.post("/api/citizens/" + citizenId + "/cases", Map.of("caseType", caseType, "subject", subject))
                .token(token).send();
    }

    /** Opens a case and insists it was created. */
    protected Http.Response opened(String token, String citizenId, String type, String subject) {
        Http.Response response = openCase(token, citizenId, type, subject);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response;
    }

    /** Adds a text entry to an opened case and insists it was created. */
    protected Http.Response entry(String token, Http.Response openedCase, String kind, String visibility, String text) {
        Http.Response response = http.post("/api/cases/" + openedCase.text("caseId") + "/entries",
                Map.of("kind", kind, "visibility", visibility, "text", text)).token(token).send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response;
    }

    /** The four staff members who read a file in the access-log tests. */
    public record StaffSubjects(String registration, String vehicles, String trade, String social) {
    }

    /**
     * Creates a citizen with an identity-card case and has staff read the file one second apart on
     * the test clock: the registration office in its case context ({@code ownCaseReads} times),
     * vehicles (36) with AMTSHILFE, the trade office (32) without a purpose (denied), social
     * services (50) breaking the glass. The shared clock is left as it was. Answers the citizen id.
     */
    protected String staffReadAFile(StaffSubjects staff, String familyName, String run, int ownCaseReads,
                                    String justification) {
        String registration = staffToken(staff.registration(), "33");
        String citizenId = createCitizen(registration, citizenBody(familyName, "Mia", "1979-07-17"));
        Http.Response idCard = opened(registration, citizenId, "identity-card", "Personalausweis " + run);
        String file = "/api/citizens/" + citizenId + "/file";
        Duration moved = Duration.ZERO;
        try {
            for (int i = 0; i < ownCaseReads; i++) {
                clock.advance(Duration.ofSeconds(1));
                moved = moved.plusSeconds(1);
                Http.Response own = http.get("/api/cases/" + idCard.text("caseId")).token(registration)
                        .header("Consistency-Token", idCard.header("Consistency-Token")).send();
                assertThat(own.status()).as(own.body()).isEqualTo(200);
            }
            clock.advance(Duration.ofSeconds(1));
            moved = moved.plusSeconds(1);
            Http.Response amtshilfe = http.get(file).token(staffToken(staff.vehicles(), "36")).purpose("AMTSHILFE").send();
            assertThat(amtshilfe.status()).as(amtshilfe.body()).isEqualTo(200);

            clock.advance(Duration.ofSeconds(1));
            moved = moved.plusSeconds(1);
            ProblemAssertions.assertProblem(http.get(file).token(staffToken(staff.trade(), "32")).send(), 403,
                    "access-denied");

            clock.advance(Duration.ofSeconds(1));
            moved = moved.plusSeconds(1);
            Http.Response emergency = http.get(file).token(staffToken(staff.social(), "50"))
                    .header("Access-Break-Glass", justification).send();
            assertThat(emergency.status()).as(emergency.body()).isEqualTo(200);
        } finally {
            // the context and its clock are shared by every IT: leave it as it was
            clock.advance(moved.negated());
        }
        return citizenId;
    }
}
