package de.eakte.api.accesslog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaffPseudonymKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void givenNoKey_whenLoaded_thenCreatedOnceOwnerOnlyAndStable() throws IOException {
        Path file = StaffPseudonymKey.location(dataDir);

        byte[] first = StaffPseudonymKey.loadOrCreate(file);
        byte[] again = StaffPseudonymKey.loadOrCreate(file);

        assertThat(file).isEqualTo(dataDir.resolve("keys/staff-pseudonym.key"));
        assertThat(first).hasSize(32).isEqualTo(again);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void givenAKeyOfTheWrongLength_whenLoaded_thenRefused() throws IOException {
        Path file = StaffPseudonymKey.location(dataDir);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[7]);

        assertThatThrownBy(() -> StaffPseudonymKey.loadOrCreate(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32");
    }
}
