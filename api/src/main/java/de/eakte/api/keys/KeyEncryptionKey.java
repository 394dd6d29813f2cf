package de.eakte.api.keys;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The key-encryption key (KEK): an AES-256 key outside the database that wraps every data key
 * with AES key wrap (RFC 3394, the JDK's "AESWrap"). Its fingerprint is stored with each wrapped
 * key, so a server started with another KEK notices before it reads anything.
 */
public final class KeyEncryptionKey {

    static final int BYTES = 32;
    private static final String WRAP = "AESWrap";
    private static final byte[] FINGERPRINT_LABEL = "eakte-kek-fingerprint-1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKey key;
    private final String fingerprint;
    private final String source;

    KeyEncryptionKey(byte[] bytes, String source) {
        if (bytes.length != BYTES) {
            throw new KeysUnusableException("The key-encryption key " + source + " holds " + bytes.length
                    + " bytes; it must be an AES-256 key of exactly " + BYTES + " bytes.");
        }
        this.key = new SecretKeySpec(bytes, "AES");
        this.fingerprint = fingerprintOf(key);
        this.source = source;
    }

    /** Where the key came from, for messages; never the key itself. */
    public String source() {
        return source;
    }

    /**
     * Names the KEK without revealing it: the first 128 bits of HMAC-SHA256(kek, label), so the
     * stored value says nothing about the key (a plain hash of a key would be a check value).
     */
    public String fingerprint() {
        return fingerprint;
    }

    byte[] wrap(SecretKey dataKey) {
        try {
            Cipher cipher = Cipher.getInstance(WRAP);
            cipher.init(Cipher.WRAP_MODE, key);
            return cipher.wrap(dataKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES key wrap is not available", e);
        }
    }

    /** Unwraps a data key; RFC 3394's integrity check fails on a wrong KEK or altered bytes. */
    SecretKey unwrap(byte[] wrapped, String keyId) {
        try {
            Cipher cipher = Cipher.getInstance(WRAP);
            cipher.init(Cipher.UNWRAP_MODE, key);
            return (SecretKey) cipher.unwrap(wrapped, "AES", Cipher.SECRET_KEY);
        } catch (java.security.InvalidKeyException e) {
            throw new IllegalStateException("the wrapped data key " + keyId
                    + " does not unwrap under the key-encryption key " + fingerprint + ": altered, or wrapped by another KEK", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES key wrap is not available", e);
        }
    }

    /** Reads a key file: 32 raw bytes, or their base64 on one line. */
    public static KeyEncryptionKey fromFile(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new KeysUnusableException("The key-encryption key file " + file + " cannot be read: " + e.getMessage());
        }
        try {
            if (content.length == BYTES) {
                return new KeyEncryptionKey(content, "file " + file);
            }
            byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(new String(content, StandardCharsets.US_ASCII).strip());
            } catch (IllegalArgumentException e) {
                throw new KeysUnusableException("The key-encryption key file " + file + " holds " + content.length
                        + " bytes: neither the 32 bytes of an AES-256 key nor their base64.");
            }
            try {
                return new KeyEncryptionKey(decoded, "file " + file);
            } finally {
                Arrays.fill(decoded, (byte) 0);
            }
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    /**
     * Creates a new random KEK file, readable by its owner only. Two processes starting at once:
     * the first complete file wins and both use it.
     */
    public static KeyEncryptionKey createFile(Path file) {
        byte[] bytes = new byte[BYTES];
        new SecureRandom().nextBytes(bytes);
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "kek", ".tmp");
            try {
                try {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // a file system without POSIX permissions: the directory's own protection applies
                }
                Files.write(temp, Base64.getEncoder().encode(bytes));
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file);
                }
            } catch (FileAlreadyExistsException raced) {
                return fromFile(file);
            } finally {
                Files.deleteIfExists(temp);
            }
            return new KeyEncryptionKey(bytes, "file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the key-encryption key file " + file, e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Reads an AES-256 secret key entry from a PKCS#12 keystore (e.g. keytool -genseckey -keyalg AES -keysize 256). */
    public static KeyEncryptionKey fromKeystore(Path path, char[] password, String alias) {
        String source = "keystore " + path + " (alias " + alias + ")";
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            Key entry = store.getKey(alias, password);
            if (entry == null) {
                throw new KeysUnusableException("The " + source + " has no key under that alias.");
            }
            if (!(entry instanceof SecretKey secret) || !"AES".equalsIgnoreCase(secret.getAlgorithm())
                    || secret.getEncoded() == null) {
                throw new KeysUnusableException("The " + source + " is not an AES secret key.");
            }
            byte[] bytes = secret.getEncoded();
            try {
                return new KeyEncryptionKey(bytes, source);
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new KeysUnusableException("The " + source + " cannot be read: " + e.getMessage());
        }
    }

    private static String fingerprintOf(SecretKey key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(Arrays.copyOf(mac.doFinal(FINGERPRINT_LABEL), 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "KEK " + fingerprint + " from " + source;
    }
}
