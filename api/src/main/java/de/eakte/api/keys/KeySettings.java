package de.eakte.api.keys;

import org.springframework.core.env.Environment;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the key-encryption key and the destroyed-keys journal live, and how long a data key may
 * stay cached. Defaults: both files under the data directory's {@code keys/} folder.
 */
public record KeySettings(Path kekFile, Path keystorePath, char[] keystorePassword, String keystoreAlias,
                          Path destroyedJournal, Duration cacheTtl) {

    public static final String KEK_FILE = "eakte.keys.kek-file";
    public static final String KEYSTORE_PATH = "eakte.keys.keystore.path";
    public static final String KEYSTORE_PASSWORD = "eakte.keys.keystore.password";
    public static final String KEYSTORE_ALIAS = "eakte.keys.keystore.alias";
    public static final String DESTROYED_JOURNAL = "eakte.keys.destroyed-journal";
    public static final String CACHE_TTL = "eakte.keys.cache-ttl";

    public static KeySettings from(Environment env) {
        Path keys = Path.of(env.getProperty("eakte.data-dir", "./data")).resolve("keys");
        String keystore = blankToNull(env.getProperty(KEYSTORE_PATH));
        String alias = blankToNull(env.getProperty(KEYSTORE_ALIAS));
        if (keystore != null && alias == null) {
            throw new KeysUnusableException(KEYSTORE_PATH + " is set but " + KEYSTORE_ALIAS
                    + " is not: name the AES key entry to use as key-encryption key.");
        }
        if (keystore != null && blankToNull(env.getProperty(KEK_FILE)) != null) {
            throw new KeysUnusableException("Both " + KEK_FILE + " and " + KEYSTORE_PATH
                    + " are set; configure one key-encryption key.");
        }
        Duration ttl = env.getProperty(CACHE_TTL, Duration.class, Duration.ofSeconds(60));
        if (ttl.isNegative() || ttl.isZero()) {
            throw new KeysUnusableException(CACHE_TTL + " must be positive, not " + ttl);
        }
        return new KeySettings(Path.of(env.getProperty(KEK_FILE, keys.resolve("kek.key").toString())),
                keystore == null ? null : Path.of(keystore),
                env.getProperty(KEYSTORE_PASSWORD, "").toCharArray(), alias,
                Path.of(env.getProperty(DESTROYED_JOURNAL, keys.resolve("destroyed-keys.journal").toString())), ttl);
    }

    public boolean usesKeystore() {
        return keystorePath != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
