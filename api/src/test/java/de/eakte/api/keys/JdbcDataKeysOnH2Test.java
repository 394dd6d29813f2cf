package de.eakte.api.keys;

import de.eakte.core.crypto.KeyDestroyedException;
import de.eakte.core.crypto.KeyId;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store on the embedded default's database: the migration runs on H2, keys are created,
 * destroyed and rewrapped under a new KEK, and a KEK file is made only while no key is stored.
 */
class JdbcDataKeysOnH2Test {

    @TempDir
    Path temp;

    private JdbcTemplate jdbc;
    private DataSourceTransactionManager transactions;

    @BeforeEach
    void database() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/api/V2026_11_21_500__data_keys.sql"))
                .execute(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
    }

    private JdbcDataKeys keys(KeyEncryptionKey kek) {
        return new JdbcDataKeys(jdbc, transactions, kek, new DestroyedKeysJournal(temp.resolve("h2.journal")),
                Duration.ofSeconds(60), Clock.systemUTC());
    }

    private KeySettings settings(Path kekFile) {
        return new KeySettings(kekFile, null, new char[0], null, temp.resolve("h2.journal"), Duration.ofSeconds(60));
    }

    @Test
    void createsDestroysAndTombstonesOnH2() {
        KeyEncryptionKey kek = KeysConfiguration.keyEncryptionKey(settings(temp.resolve("kek.key")), jdbc);
        JdbcDataKeys keys = keys(kek);
        CitizenId citizen = CitizenId.random();
        KeyId root = KeyId.citizen(citizen);
        KeyId caseKey = KeyId.ofCase(citizen, CaseId.random());
        byte[] key = new TransactionTemplate(transactions).execute(status -> {
            keys.forSealing(caseKey);
            return keys.forSealing(root).getEncoded();
        });
        assertThat(keys(kek).forOpening(root).orElseThrow().getEncoded()).isEqualTo(key);

        assertThat(keys.destroyFamily(root)).containsExactlyInAnyOrder(root, caseKey);
        assertThat(keys.forOpening(caseKey)).isEmpty();
        KeyId never = KeyId.citizen(CitizenId.random());
        assertThat(keys.destroyFamily(never)).isEmpty();
        assertThatThrownBy(() -> keys(kek).forSealing(never)).isInstanceOf(KeyDestroyedException.class);
    }

    @Test
    void prefetchReadsKeysInOneStatementOnH2() {
        KeyEncryptionKey kek = KeysConfiguration.keyEncryptionKey(settings(temp.resolve("kek.key")), jdbc);
        JdbcDataKeys keys = keys(kek);
        CitizenId citizen = CitizenId.random();
        KeyId root = KeyId.citizen(citizen);
        KeyId caseKey = KeyId.ofCase(citizen, CaseId.random());
        byte[] key = new TransactionTemplate(transactions).execute(status -> {
            keys.forSealing(caseKey);
            return keys.forSealing(root).getEncoded();
        });
        JdbcDataKeys rebuilding = keys(kek);

        rebuilding.prefetch(List.of(root, caseKey, KeyId.citizen(CitizenId.random())));

        assertThat(rebuilding.cachedKeys()).isEqualTo(2);
        jdbc.update("DELETE FROM data_key");
        assertThat(rebuilding.forOpening(root).orElseThrow().getEncoded()).isEqualTo(key);
        assertThat(rebuilding.forOpening(caseKey)).isPresent();
    }

    @Test
    void rewrapMovesEveryLiveKeyToTheNewKek() {
        KeyEncryptionKey old = KeysConfiguration.keyEncryptionKey(settings(temp.resolve("old.key")), jdbc);
        JdbcDataKeys keys = keys(old);
        KeyId a = KeyId.citizen(CitizenId.random());
        KeyId gone = KeyId.citizen(CitizenId.random());
        byte[] key = keys.forSealing(a).getEncoded();
        keys.forSealing(gone);
        keys.destroyFamily(gone);
        KeyEncryptionKey next = KeyEncryptionKey.createFile(temp.resolve("next.key"));

        assertThat(keys.rewrap(next)).isOne();

        JdbcDataKeys underNext = keys(next);
        underNext.verifyKeyEncryptionKey();
        assertThat(underNext.forOpening(a).orElseThrow().getEncoded()).isEqualTo(key);
        assertThat(underNext.forOpening(gone)).isEmpty();
        assertThatThrownBy(() -> keys(old).verifyKeyEncryptionKey()).isInstanceOf(KeysUnusableException.class)
                .hasMessageContaining(next.fingerprint());
    }

    @Test
    void aKekFileIsCreatedOnlyWhileNoKeyIsStored() throws Exception {
        Path first = temp.resolve("keys").resolve("kek.key");
        KeyEncryptionKey created = KeysConfiguration.keyEncryptionKey(settings(first), jdbc);
        assertThat(first).exists();
        assertThat(KeysConfiguration.keyEncryptionKey(settings(first), jdbc).fingerprint())
                .isEqualTo(created.fingerprint());
        keys(created).forSealing(KeyId.citizen(CitizenId.random()));

        Files.delete(first);
        assertThatThrownBy(() -> KeysConfiguration.keyEncryptionKey(settings(first), jdbc))
                .isInstanceOf(KeysUnusableException.class).hasMessageContaining("does not exist");
        assertThat(first).doesNotExist();
    }
}
