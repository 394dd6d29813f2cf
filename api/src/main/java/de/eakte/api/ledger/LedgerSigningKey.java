package de.eakte.api.ledger;

import de.eakte.audit.ledger.checkpoint.LedgerKeyFiles;
import de.eakte.audit.ledger.checkpoint.NoteSigner;
import de.eakte.audit.ledger.store.JdbcLedger;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * The Ed25519 key that signs checkpoints. By default it lives under the data directory
 * ({@code keys/ledger-ed25519.pem}) and is created on first start; in production
 * {@code eakte.ledger.signing-key} names a PEM file kept off the database host, and a configured
 * file that is missing stops the start instead of silently making a new key.
 */
public record LedgerSigningKey(NoteSigner signer, Path file) {

    public static final String SIGNING_KEY = "eakte.ledger.signing-key";
    public static final String ORIGIN = "eakte.ledger.origin";

    public static LedgerSigningKey load(Environment env) {
        String origin = env.getProperty(ORIGIN, "eakte.local/ledger");
        String configured = env.getProperty(SIGNING_KEY);
        Path file = configured == null || configured.isBlank()
                ? Path.of(env.getProperty("eakte.data-dir", "./data")).resolve("keys").resolve("ledger-ed25519.pem")
                : Path.of(configured.trim());
        try {
            if (!Files.exists(file)) {
                if (configured != null && !configured.isBlank()) {
                    throw new IllegalStateException(SIGNING_KEY + " names " + file + ", which does not exist. "
                            + "Restore the ledger's signing key there, or remove the setting to create a new one "
                            + "under the data directory (old checkpoints keep verifying with the published old key).");
                }
                create(file);
            }
            Ed25519PrivateKeyParameters key = LedgerKeyFiles.readPrivateKey(file);
            return new LedgerSigningKey(new NoteSigner(origin, key), file);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the ledger's signing key " + file + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        // written beside it (owner-only) and moved into place, so a crash never leaves half a key
        Path partial = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(partial);
        LedgerKeyFiles.writePrivateKey(partial, LedgerKeyFiles.generate(new SecureRandom()));
        Files.move(partial, file);
    }

    /** What {@code GET /api/ledger/keys} publishes for this key. */
    public JdbcLedger.PublishedKey published(Instant now) {
        return new JdbcLedger.PublishedKey(signer.keyHashHex(), signer.keyName(), signer.verifierKey(),
                LedgerKeyFiles.publicKeyPem(signer.publicKey()), now, null);
    }
}
