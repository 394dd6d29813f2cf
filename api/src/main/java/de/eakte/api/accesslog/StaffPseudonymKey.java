package de.eakte.api.accesslog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The secret the DPO's staff pseudonyms are derived with: 32 random bytes in
 * {@code ${eakte.data-dir}/keys/staff-pseudonym.key}, created once (mode 600) when missing. Losing
 * it changes every pseudonym; whoever holds it together with a subject can compute that subject's
 * pseudonym, so it stays on the server.
 */
public final class StaffPseudonymKey {

    static final int BYTES = 32;

    private StaffPseudonymKey() {
    }

    public static Path location(Path dataDir) {
        return dataDir.resolve("keys").resolve("staff-pseudonym.key");
    }

    /** The key in the file, creating the file with a fresh random key if it does not exist. */
    public static byte[] loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] key = Files.readAllBytes(file);
            if (key.length != BYTES) {
                throw new IllegalStateException("the staff pseudonym key " + file + " must hold " + BYTES
                        + " bytes, not " + key.length);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("the staff pseudonym key " + file + " could not be read or created", e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] key = new byte[BYTES];
        new SecureRandom().nextBytes(key);
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException raced) {
            return; // another process created it first: use theirs
        }
        Files.write(file, key, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
