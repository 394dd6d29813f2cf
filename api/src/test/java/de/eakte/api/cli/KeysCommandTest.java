package de.eakte.api.cli;

import de.eakte.api.keys.DestroyedKeysJournal;
import de.eakte.api.keys.JdbcDataKeys;
import de.eakte.api.keys.KeyEncryptionKey;
import de.eakte.core.crypto.KeyId;
import de.eakte.core.shared.CitizenId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code keys rewrap} on the embedded default's H2 file under a temporary data directory. */
class KeysCommandTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return KeysCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private JdbcDataKeys keys(JdbcTemplate jdbc, SimpleDriverDataSource dataSource, KeyEncryptionKey kek) {
        return new JdbcDataKeys(jdbc, new DataSourceTransactionManager(dataSource), kek,
                new DestroyedKeysJournal(dataDir.resolve("keys").resolve("destroyed-keys.journal")), Duration.ofSeconds(60),
                Clock.systemUTC());
    }

    @Test
    void rewrapsEveryKeyUnderTheNewKek() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:file:" + dataDir + "/db/eakte;DB_CLOSE_ON_EXIT=FALSE", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/api/V2026_11_21_500__data_keys.sql"))
                .execute(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        KeyEncryptionKey old = KeyEncryptionKey.createFile(dataDir.resolve("keys").resolve("kek.key"));
        KeyId id = KeyId.citizen(CitizenId.random());
        byte[] key = keys(jdbc, dataSource, old).forSealing(id).getEncoded();
        Path next = dataDir.resolve("elsewhere").resolve("kek-2.key");

        int exit = run("rewrap", "--new-kek-file", next.toString(), "--eakte.data-dir=" + dataDir);

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        KeyEncryptionKey nextKek = KeyEncryptionKey.fromFile(next);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("rewrapped 1 data keys")
                .contains(old.fingerprint()).contains(nextKek.fingerprint());
        JdbcDataKeys underNext = keys(jdbc, dataSource, nextKek);
        underNext.verifyKeyEncryptionKey();
        assertThat(underNext.forOpening(id).orElseThrow().getEncoded()).isEqualTo(key);
        jdbc.execute("SHUTDOWN");
    }

    @Test
    void withoutANewKekFileItShowsTheUsage() {
        assertThat(run("rewrap")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--new-kek-file is required");
        assertThat(run("rotate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: java -jar eakte.jar keys rewrap");
    }

    @Test
    void aMissingCurrentKekIsReportedNotCreated() {
        int exit = run("rewrap", "--new-kek-file", dataDir.resolve("new.key").toString(), "--eakte.data-dir=" + dataDir);

        assertThat(exit).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("kek.key").contains("cannot be read");
        assertThat(dataDir.resolve("keys").resolve("kek.key")).doesNotExist();
    }
}
