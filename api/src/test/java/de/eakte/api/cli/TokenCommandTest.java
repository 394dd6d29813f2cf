package de.eakte.api.cli;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import de.eakte.api.security.LocalIssuer;
import de.eakte.api.security.LocalIssuerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The token sub-command signs with the key the server verifies with, and refuses what it cannot vouch for. */
class TokenCommandTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return TokenCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void givenStaff_thenPrintsATokenTheServerKeyVerifies() throws Exception {
        int exit = run("--role", "staff", "--subject", "alice", "--office", "33", "--eakte.data-dir=" + dataDir);

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        SignedJWT jwt = SignedJWT.parse(out.toString(StandardCharsets.UTF_8).strip());
        LocalIssuer serverSide = LocalIssuer.loadOrCreate(LocalIssuerSettings.from(new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:h2:file:" + dataDir + "/db/eakte")
                .withProperty("eakte.data-dir", dataDir.toString())));
        assertThat(jwt.verify(new RSASSAVerifier(serverSide.publicKey()))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("alice");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).isEqualTo(List.of("staff"));
        assertThat(jwt.getJWTClaimsSet().getStringClaim("office")).isEqualTo("33");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("eakte-local");
    }

    @Test
    void givenStaffWithoutOffice_thenRefused() {
        assertThat(run("--role", "staff", "--subject", "alice", "--eakte.data-dir=" + dataDir)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--office is required");
    }

    @Test
    void givenCitizenWithBadId_thenRefused() {
        assertThat(run("--role", "citizen", "--citizen", "42", "--eakte.data-dir=" + dataDir)).isEqualTo(2);
    }

    @Test
    void givenPostgresConfiguredWithoutIssuer_thenNoTokenIsMade() {
        int exit = run("--role", "dpo", "--subject", "dora", "--eakte.data-dir=" + dataDir,
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/eakte");
        assertThat(exit).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void givenExternalIssuer_thenTheTokenCommandIsOff() {
        int exit = run("--role", "dpo", "--subject", "dora", "--eakte.data-dir=" + dataDir,
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=https://idp.example/realms/city");
        assertThat(exit).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
