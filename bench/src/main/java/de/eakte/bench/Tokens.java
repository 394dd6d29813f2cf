package de.eakte.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Real tokens of the server's local issuer: the bench writes the issuer's RSA key into the fresh
 * data directory before the server starts (the file the server would otherwise create), and signs
 * RS256 tokens with the same key, as the jar's {@code token} sub-command does, without starting a
 * JVM per token.
 */
final class Tokens {

    static final String ISSUER = "eakte-local";
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey key;

    private Tokens(PrivateKey key) {
        this.key = key;
    }

    /** Creates the key file {@code <dataDir>/keys/local-issuer-rsa.pem} (PKCS#8 PEM). */
    static Tokens createIssuerKey(Path dataDir) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path file = dataDir.resolve("keys").resolve("local-issuer-rsa.pem");
        Files.createDirectories(file.getParent());
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
        return new Tokens(pair.getPrivate());
    }

    /** The key an earlier run wrote into {@code dataDir} ({@code --reuse}). */
    static Tokens loadIssuerKey(Path dataDir) throws IOException, GeneralSecurityException {
        String pem = Files.readString(dataDir.resolve("keys").resolve("local-issuer-rsa.pem"), StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return new Tokens(java.security.KeyFactory.getInstance("RSA")
                .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem))));
    }

    String staff(String subject, String office) {
        return mint(subject, "staff", "\"office\":\"" + office + "\"");
    }

    String citizen(String citizenId) {
        return mint("citizen-" + citizenId, "citizen", "\"citizen\":\"" + citizenId + "\"");
    }

    String admin(String subject) {
        return mint(subject, "admin", null);
    }

    private String mint(String subject, String role, String extraClaim) {
        Instant now = Instant.now().minusSeconds(5);
        long iat = now.getEpochSecond();
        long exp = now.plus(Duration.ofHours(8)).getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"kid\":\"local\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject + "\",\"jti\":\"" + UUID.randomUUID()
                + "\",\"iat\":" + iat + ",\"nbf\":" + iat + ",\"exp\":" + exp + ",\"roles\":[\"" + role + "\"]"
                + (extraClaim == null ? "" : "," + extraClaim) + "}";
        String signingInput = URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }
}
