package de.eakte.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The development token issuer of the embedded default: an RSA key created under the data
 * directory on first use, shared by the server (to verify) and the {@code token} command (to sign).
 */
public final class LocalIssuer {

    private final LocalIssuerSettings settings;
    private final RSAPrivateCrtKey privateKey;
    private final RSAPublicKey publicKey;

    private LocalIssuer(LocalIssuerSettings settings, RSAPrivateCrtKey privateKey, RSAPublicKey publicKey) {
        this.settings = settings;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public static LocalIssuer loadOrCreate(LocalIssuerSettings settings) {
        if (!settings.enabled()) {
            throw new IllegalStateException("the local issuer is off");
        }
        try {
            Path file = settings.keyFile();
            if (!Files.exists(file)) {
                create(file);
            }
            return read(settings, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the local issuer key " + settings.keyFile(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the local issuer key " + settings.keyFile() + " is not an RSA key", e);
        }
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    public String issuer() {
        return settings.issuer();
    }

    /** Signs a token for a subject with one role and the office/citizen claim that role needs. */
    public String mint(String subject, String role, String office, String citizen, Clock clock) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(settings.tokenTtl())))
                .claim(settings.rolesClaim(), List.of(role));
        if (office != null) {
            claims.claim(JwtCallers.OFFICE_CLAIM, office);
        }
        if (citizen != null) {
            claims.claim(JwtCallers.CITIZEN_CLAIM, citizen);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("local").build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(privateKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jwt.serialize();
    }

    private static void create(Path file) throws IOException, GeneralSecurityException {
        Files.createDirectories(file.getParent());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path temp = Files.createTempFile(file.getParent(), "issuer", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions: the data directory's own protection applies
            }
            Files.writeString(temp, pem, StandardCharsets.US_ASCII);
            // Server and token command may start at once: the first complete key wins.
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file);
            }
        } catch (FileAlreadyExistsException lostRace) {
            // the other process's key is complete; use it
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static LocalIssuer read(LocalIssuerSettings settings, Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        return new LocalIssuer(settings, privateKey, publicKey);
    }
}
