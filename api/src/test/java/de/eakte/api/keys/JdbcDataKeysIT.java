package de.eakte.api.keys;

import de.eakte.api.support.PostgresApiTest;
import de.eakte.core.crypto.Codecs;
import de.eakte.core.crypto.FieldSealer;
import de.eakte.core.crypto.KeyDestroyedException;
import de.eakte.core.crypto.KeyId;
import de.eakte.core.crypto.NonceSource;
import de.eakte.core.crypto.Opened;
import de.eakte.core.crypto.PersonalField;
import de.eakte.core.crypto.Sealed;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.SecretKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The data-key store on PostgreSQL with the JDK's real crypto, in the shared application context:
 * its {@link JdbcDataKeys} bean, and further instances on the same table standing in for other
 * server instances or a restart (each with its own journal in a temporary directory).
 */
class JdbcDataKeysIT extends PostgresApiTest {

    private static final PersonalField<String> NAME = new PersonalField<>("test.family-name", Codecs.TEXT);

    @Autowired
    private JdbcDataKeys keys;

    @Autowired
    private FieldSealer sealer;

    @Autowired
    private KeySettings settings;

    @Autowired
    private PlatformTransactionManager transactions;

    @TempDir
    Path temp;

    private KeyEncryptionKey kek;
    private TransactionTemplate tx;

    @BeforeEach
    void setUp() {
        kek = KeyEncryptionKey.fromFile(settings.kekFile());
        tx = new TransactionTemplate(transactions);
    }

    private JdbcDataKeys anotherInstance(Path journal, AtomicLong nanoTime) {
        return new JdbcDataKeys(jdbc, transactions, kek, new DestroyedKeysJournal(journal), Duration.ofSeconds(60),
                Clock.systemUTC(), nanoTime::get);
    }

    private JdbcDataKeys anotherInstance() {
        return anotherInstance(temp.resolve("other-" + System.nanoTime()).resolve("node.journal"), new AtomicLong());
    }

    private static KeyId citizenKey() {
        return KeyId.citizen(CitizenId.random());
    }

    private Map<String, Object> row(KeyId id) {
        return jdbc.queryForMap("SELECT * FROM data_key WHERE key_id = ?", id.value());
    }

    private int rows(KeyId id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM data_key WHERE key_id = ?", Integer.class, id.value());
    }

    @Test
    void aKeyIsCreatedOnFirstUseAndReusedAfterwards() {
        KeyId id = citizenKey();
        SecretKey first = keys.forSealing(id);
        SecretKey again = keys.forSealing(id);
        SecretKey fromAnotherInstance = anotherInstance().forOpening(id).orElseThrow();

        assertThat(first.getEncoded()).hasSize(32);
        assertThat(again.getEncoded()).isEqualTo(first.getEncoded());
        assertThat(fromAnotherInstance.getEncoded()).isEqualTo(first.getEncoded());
        assertThat(keys.forOpening(id)).get().extracting(SecretKey::getEncoded).isEqualTo(first.getEncoded());
        assertThat(rows(id)).isOne();
        assertThat(keys.forSealing(citizenKey()).getEncoded()).isNotEqualTo(first.getEncoded());
    }

    @Test
    void theTableHoldsTheKeyWrappedUnderTheKekNeverTheRawKey() {
        KeyId id = citizenKey();
        byte[] raw = keys.forSealing(id).getEncoded();

        Map<String, Object> row = row(id);
        byte[] wrapped = (byte[]) row.get("wrapped_key");
        assertThat(wrapped).hasSize(40); // RFC 3394: 256-bit key + 64-bit integrity block
        assertThat(indexOf(wrapped, java.util.Arrays.copyOf(raw, 8))).isNegative();
        assertThat(row.get("kek_id")).isEqualTo(kek.fingerprint());
        assertThat(row.get("family_root")).isEqualTo(id.value());
        assertThat(row.get("destroyed_at")).isNull();
        assertThat(kek.unwrap(wrapped, id.value()).getEncoded()).isEqualTo(raw);
    }

    @Test
    void concurrentFirstUseOnSeveralInstancesYieldsOneKey() throws Exception {
        KeyId id = citizenKey();
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                JdbcDataKeys instance = anotherInstance();
                results.add(pool.submit(() -> {
                    start.await();
                    return tx.execute(status -> instance.forSealing(id).getEncoded());
                }));
            }
            start.countDown();
            byte[] first = results.get(0).get(30, TimeUnit.SECONDS);
            for (Future<byte[]> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(first);
            }
            assertThat(keys.forOpening(id).orElseThrow().getEncoded()).isEqualTo(first);
            assertThat(rows(id)).isOne();
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The losing creator waits on the winner's uncommitted row, hits the primary key after the
     * commit, and reads the winner's key: its own transaction survives (a savepoint on PostgreSQL).
     */
    @Test
    void aCreatorThatLosesTheRaceUsesTheWinnersKeyAndItsTransactionGoesOn() throws Exception {
        KeyId id = citizenKey();
        KeyId other = citizenKey();
        JdbcDataKeys winner = anotherInstance();
        JdbcDataKeys loser = anotherInstance();
        CountDownLatch created = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<byte[]> winnerKey = CompletableFuture.supplyAsync(() -> tx.execute(status -> {
            byte[] key = winner.forSealing(id).getEncoded();
            created.countDown();
            try {
                commit.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return key;
        }));
        assertThat(created.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<byte[][]> loserKeys = CompletableFuture.supplyAsync(() -> tx.execute(status -> new byte[][] {
                loser.forSealing(id).getEncoded(), loser.forSealing(other).getEncoded()}));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' "
                        + "AND query LIKE 'INSERT INTO data_key%'",
                Integer.class) > 0);
        commit.countDown();

        byte[] won = winnerKey.get(30, TimeUnit.SECONDS);
        byte[][] lost = loserKeys.get(30, TimeUnit.SECONDS);
        assertThat(lost[0]).isEqualTo(won);
        assertThat(rows(id)).isOne();
        // the loser's transaction committed its second key after the conflict
        assertThat(rows(other)).isOne();
        assertThat(keys.forOpening(other).orElseThrow().getEncoded()).isEqualTo(lost[1]);
    }

    @Test
    void destroyingAFamilyDestroysThatCitizensKeysAndNoOthers() throws Exception {
        CitizenId erased = CitizenId.random();
        CitizenId sibling = CitizenId.random();
        KeyId root = KeyId.citizen(erased);
        KeyId case1 = KeyId.ofCase(erased, CaseId.random());
        KeyId case2 = KeyId.ofCase(erased, CaseId.random());
        KeyId siblingRoot = KeyId.citizen(sibling);
        KeyId siblingCase = KeyId.ofCase(sibling, CaseId.random());
        for (KeyId id : List.of(root, case1, case2, siblingRoot, siblingCase)) {
            keys.forSealing(id);
        }
        byte[] siblingKey = keys.forOpening(siblingCase).orElseThrow().getEncoded();

        List<KeyId> destroyed = keys.destroyFamily(root);

        assertThat(destroyed).containsExactlyInAnyOrder(root, case1, case2);
        for (KeyId id : List.of(root, case1, case2)) {
            assertThat(keys.forOpening(id)).isEmpty();
            assertThatThrownBy(() -> keys.forSealing(id)).isInstanceOf(KeyDestroyedException.class);
            Map<String, Object> row = row(id);
            assertThat(row.get("wrapped_key")).isNull();
            assertThat(row.get("kek_id")).isNull();
            assertThat(row.get("destroyed_at")).isNotNull();
            // another instance reading the table agrees
            assertThat(anotherInstance().forOpening(id)).isEmpty();
        }
        assertThat(keys.forOpening(siblingRoot)).isPresent();
        assertThat(keys.forOpening(siblingCase).orElseThrow().getEncoded()).isEqualTo(siblingKey);
        assertThat(row(siblingCase).get("wrapped_key")).isNotNull();
        // a new case of the erased citizen cannot get a key: the family is closed
        assertThatThrownBy(() -> keys.forSealing(KeyId.ofCase(erased, CaseId.random())))
                .isInstanceOf(KeyDestroyedException.class);
        // and destroying again destroys nothing more
        assertThat(keys.destroyFamily(root)).isEmpty();
        assertThat(Files.readAllLines(settings.destroyedJournal()))
                .contains(root.value(), case1.value(), case2.value())
                .doesNotContain(siblingRoot.value(), siblingCase.value());
    }

    private void awaitAWaitingLock(String statementStart) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' "
                        + "AND query LIKE ?", Integer.class, statementStart + "%") > 0);
    }

    /** Runs {@code work} in a transaction that commits only once {@code commit} is counted down. */
    private <T> CompletableFuture<T> heldOpen(java.util.function.Supplier<T> work, CountDownLatch done,
                                              CountDownLatch commit) {
        return CompletableFuture.supplyAsync(() -> tx.execute(status -> {
            T result = work.get();
            done.countDown();
            try {
                commit.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return result;
        }));
    }

    @Test
    void aCaseKeyCreatedWhileItsFamilyIsDestroyedIsDestroyedWithIt() throws Exception {
        CitizenId citizen = CitizenId.random();
        KeyId root = KeyId.citizen(citizen);
        KeyId member = KeyId.ofCase(citizen, CaseId.random());
        keys.forSealing(root);
        CountDownLatch created = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<SecretKey> creating = heldOpen(() -> anotherInstance().forSealing(member), created, commit);
        assertThat(created.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<List<KeyId>> destroying = CompletableFuture.supplyAsync(() -> keys.destroyFamily(root));
        awaitAWaitingLock("SELECT key_id FROM data_key WHERE key_id = $1 FOR UPDATE");
        commit.countDown();

        assertThat(creating.get(30, TimeUnit.SECONDS)).isNotNull();
        assertThat(destroying.get(30, TimeUnit.SECONDS)).containsExactlyInAnyOrder(root, member);
        assertThat(row(member).get("wrapped_key")).isNull();
    }

    @Test
    void aCaseKeyAskedForWhileItsFamilyIsBeingDestroyedIsRefused() throws Exception {
        CitizenId citizen = CitizenId.random();
        KeyId root = KeyId.citizen(citizen);
        KeyId member = KeyId.ofCase(citizen, CaseId.random());
        keys.forSealing(root);
        CountDownLatch destroyed = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<List<KeyId>> destroying = heldOpen(() -> keys.destroyFamily(root), destroyed, commit);
        assertThat(destroyed.await(30, TimeUnit.SECONDS)).isTrue();

        JdbcDataKeys elsewhere = anotherInstance();
        CompletableFuture<SecretKey> creating = CompletableFuture.supplyAsync(
                () -> tx.execute(status -> elsewhere.forSealing(member)));
        awaitAWaitingLock("SELECT destroyed_at FROM data_key WHERE key_id IN");
        commit.countDown();

        assertThat(destroying.get(30, TimeUnit.SECONDS)).containsExactly(root);
        assertThatThrownBy(() -> creating.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(KeyDestroyedException.class);
        assertThat(rows(member)).isZero();
    }

    @Test
    void destroyingOneCaseKeepsTheCitizensOtherKeys() {
        CitizenId citizen = CitizenId.random();
        KeyId root = KeyId.citizen(citizen);
        KeyId disposed = KeyId.ofCase(citizen, CaseId.random());
        KeyId kept = KeyId.ofCase(citizen, CaseId.random());
        keys.forSealing(root);
        keys.forSealing(disposed);
        keys.forSealing(kept);

        assertThat(keys.destroyFamily(disposed)).containsExactly(disposed);

        assertThat(keys.forOpening(disposed)).isEmpty();
        assertThat(keys.forOpening(root)).isPresent();
        assertThat(keys.forOpening(kept)).isPresent();
    }

    @Test
    void aRootThatNeverHadAKeyIsTombstonedSoNothingIsSealedUnderItLater() {
        CitizenId citizen = CitizenId.random();
        KeyId root = KeyId.citizen(citizen);

        assertThat(keys.destroyFamily(root)).isEmpty();

        assertThat(row(root).get("destroyed_at")).isNotNull();
        assertThatThrownBy(() -> keys.forSealing(root)).isInstanceOf(KeyDestroyedException.class);
        assertThatThrownBy(() -> anotherInstance().forSealing(KeyId.ofCase(citizen, CaseId.random())))
                .isInstanceOf(KeyDestroyedException.class);
        assertThat(keys.forOpening(root)).isEmpty();
    }

    @Test
    void anUnknownKeyCannotBeOpened() {
        KeyId unknown = citizenKey();
        assertThatThrownBy(() -> keys.forOpening(unknown)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no data key " + unknown);
    }

    @Test
    void theCacheForgetsADestroyedKeyAtOnceHereAndWithinItsTimeToLiveElsewhere() {
        KeyId id = citizenKey();
        AtomicLong otherClock = new AtomicLong();
        JdbcDataKeys here = anotherInstance();
        JdbcDataKeys elsewhere = anotherInstance(temp.resolve("elsewhere").resolve("node.journal"), otherClock);
        here.forSealing(id);
        assertThat(here.forOpening(id)).isPresent();
        assertThat(elsewhere.forOpening(id)).isPresent(); // now cached there

        here.destroyFamily(id);

        assertThat(here.forOpening(id)).isEmpty();
        assertThatThrownBy(() -> here.forSealing(id)).isInstanceOf(KeyDestroyedException.class);
        // the other instance learns it from the table once its cached entry expired
        assertThat(elsewhere.forOpening(id)).as("still cached on the other instance").isPresent();
        otherClock.addAndGet(Duration.ofSeconds(60).toNanos());
        assertThat(elsewhere.forOpening(id)).isEmpty();
    }

    @Test
    void aKeyCreatedByARolledBackTransactionIsNeitherStoredNorCached() {
        KeyId id = citizenKey();
        JdbcDataKeys instance = anotherInstance();
        byte[] rolledBack = tx.execute(status -> {
            byte[] key = instance.forSealing(id).getEncoded();
            // within its transaction the new key is the one sealing
            assertThat(instance.forSealing(id).getEncoded()).isEqualTo(key);
            assertThat(instance.forOpening(id).orElseThrow().getEncoded()).isEqualTo(key);
            status.setRollbackOnly();
            return key;
        });

        assertThat(rows(id)).isZero();
        assertThat(instance.cachedKeys()).isZero();
        assertThatThrownBy(() -> instance.forOpening(id)).isInstanceOf(IllegalStateException.class);
        byte[] created = instance.forSealing(id).getEncoded();
        assertThat(created).isNotEqualTo(rolledBack);
        assertThat(rows(id)).isOne();
    }

    @Test
    void prefetchReadsABatchsKeysSoTheirOpeningsNeedNoStatement() {
        KeyId live = citizenKey();
        KeyId other = citizenKey();
        KeyId destroyed = citizenKey();
        KeyId unknown = citizenKey();
        byte[] liveKey = keys.forSealing(live).getEncoded();
        byte[] otherKey = keys.forSealing(other).getEncoded();
        keys.forSealing(destroyed);
        keys.destroyFamily(destroyed);
        JdbcDataKeys rebuilding = anotherInstance();

        tx.executeWithoutResult(status -> rebuilding.prefetch(List.of(live, other, destroyed, unknown, live)));

        assertThat(rebuilding.cachedKeys()).as("the three stored keys, the destroyed one as destroyed").isEqualTo(3);
        // served from what was read ahead: with the rows gone they still open (until the time to live)
        jdbc.update("DELETE FROM data_key WHERE key_id IN (?, ?)", live.value(), other.value());
        assertThat(rebuilding.forOpening(live).orElseThrow().getEncoded()).isEqualTo(liveKey);
        assertThat(rebuilding.forOpening(other).orElseThrow().getEncoded()).isEqualTo(otherKey);
        assertThat(rebuilding.forOpening(destroyed)).isEmpty();
        // a key that is not stored is complained about when opened, not when read ahead
        assertThatThrownBy(() -> rebuilding.forOpening(unknown)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyCreatedByACommittedTransactionIsCachedAfterTheCommit() {
        KeyId id = citizenKey();
        JdbcDataKeys instance = anotherInstance();
        tx.executeWithoutResult(status -> {
            instance.forSealing(id);
            assertThat(instance.cachedKeys()).isZero();
        });
        assertThat(instance.cachedKeys()).isOne();
        // served from the cache: even with the row gone it still opens (until the time to live)
        jdbc.update("DELETE FROM data_key WHERE key_id = ?", id.value());
        assertThat(instance.forOpening(id)).isPresent();
    }

    @Test
    void restoringABackupDoesNotBringAnErasedCitizenBack() throws Exception {
        CitizenId citizen = CitizenId.random();
        KeyId root = KeyId.citizen(citizen);
        KeyId caseKey = KeyId.ofCase(citizen, CaseId.random());
        Path journal = temp.resolve("journal").resolve("node-a.journal");
        JdbcDataKeys before = anotherInstance(journal, new AtomicLong());
        byte[] rootKey = before.forSealing(root).getEncoded();
        before.forSealing(caseKey);
        Map<String, Object> backupRoot = row(root);
        Map<String, Object> backupCase = row(caseKey);

        before.destroyFamily(root);
        assertThat(Files.readAllLines(journal)).contains(root.value(), caseKey.value());

        // the backup is restored: the wrapped keys are back in the table
        for (Map<String, Object> backup : List.of(backupRoot, backupCase)) {
            jdbc.update("DELETE FROM data_key WHERE key_id = ?", backup.get("key_id"));
            jdbc.update("INSERT INTO data_key (key_id, family_root, wrapped_key, kek_id, created_at, destroyed_at) "
                            + "VALUES (?, ?, ?, ?, ?, NULL)", backup.get("key_id"), backup.get("family_root"),
                    backup.get("wrapped_key"), backup.get("kek_id"), backup.get("created_at"));
        }
        JdbcDataKeys restarted = anotherInstance(journal, new AtomicLong());
        assertThat(restarted.forOpening(root).orElseThrow().getEncoded())
                .as("the restored row alone would bring the key back").isEqualTo(rootKey);

        JdbcDataKeys startedAgain = anotherInstance(journal, new AtomicLong());
        assertThat(startedAgain.reconcileWithJournal()).containsExactlyInAnyOrder(root, caseKey);

        assertThat(startedAgain.forOpening(root)).isEmpty();
        assertThat(startedAgain.forOpening(caseKey)).isEmpty();
        assertThat(row(root).get("wrapped_key")).isNull();
        assertThat(row(caseKey).get("wrapped_key")).isNull();
        // idempotent: a second start destroys nothing more
        assertThat(anotherInstance(journal, new AtomicLong()).reconcileWithJournal()).isEmpty();
    }

    @Test
    void aDestructionMissingFromTheJournalIsJournaledOnTheNextStart() throws Exception {
        KeyId id = citizenKey();
        keys.forSealing(id);
        keys.destroyFamily(id);
        Path journal = temp.resolve("fresh").resolve("node.journal");
        assertThat(journal).doesNotExist();

        anotherInstance(journal, new AtomicLong()).reconcileWithJournal();

        assertThat(Files.readAllLines(journal)).contains(id.value());
    }

    @Test
    void aKeyOfAnotherKekRefusesTheStartWithAClearMessage() {
        keys.forSealing(citizenKey());
        byte[] other = new byte[32];
        new java.security.SecureRandom().nextBytes(other);
        KeyEncryptionKey wrong = new KeyEncryptionKey(other, "file /etc/eakte/wrong.key");
        JdbcDataKeys withWrongKek = new JdbcDataKeys(jdbc, transactions, wrong,
                new DestroyedKeysJournal(temp.resolve("wrong.journal")), Duration.ofSeconds(60), Clock.systemUTC());

        assertThatThrownBy(withWrongKek::verifyKeyEncryptionKey)
                .isInstanceOf(KeysUnusableException.class)
                .hasMessageContaining(kek.fingerprint())
                .hasMessageContaining(wrong.fingerprint())
                .hasMessageContaining("/etc/eakte/wrong.key");
        keys.verifyKeyEncryptionKey(); // the right one passes

        KeysUnusableException failure = new KeysUnusableException("x");
        FailureAnalysis analysis = new KeysUnusableFailureAnalyzer().analyze(
                new org.springframework.beans.factory.BeanCreationException("dataKeys", "failed", failure));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getAction()).contains(KeySettings.KEK_FILE).contains("Keys and erasure");
    }

    @Test
    void aMissingKekFileWhileKeysAreStoredRefusesInsteadOfCreatingANewOne() {
        keys.forSealing(citizenKey());
        Path missing = temp.resolve("keys").resolve("kek.key");
        KeySettings withoutFile = new KeySettings(missing, null, new char[0], null, temp.resolve("x.journal"),
                Duration.ofSeconds(60));

        assertThatThrownBy(() -> KeysConfiguration.keyEncryptionKey(withoutFile, jdbc))
                .isInstanceOf(KeysUnusableException.class)
                .hasMessageContaining("does not exist")
                .hasMessageContaining(missing.toString());
        assertThat(missing).doesNotExist();
    }

    @Test
    void theFieldSealerSealsThroughTheStoreAndRedactsOnceTheKeyIsDestroyed() {
        CitizenId citizen = CitizenId.random();
        KeyId key = KeyId.citizen(citizen);
        Sealed sealed = sealer.seal(key, citizen.toString(), NAME, "Jürgen Meyer");

        assertThat(sealed.data()).doesNotContain("Meyer");
        AtomicLong elsewhereTime = new AtomicLong();
        FieldSealer elsewhere = new FieldSealer(anotherInstance(temp.resolve("sealer").resolve("node.journal"),
                elsewhereTime), NonceSource.secureRandom());
        assertThat(elsewhere.open(sealed, citizen.toString(), NAME)).isEqualTo(new Opened.Plain<>("Jürgen Meyer"));
        assertThat(sealer.open(sealed, citizen.toString(), NAME).value()).contains("Jürgen Meyer");

        keys.destroyFamily(key);

        assertThat(sealer.open(sealed, citizen.toString(), NAME)).isEqualTo(new Opened.Redacted<String>(key));
        // another instance that had the key cached redacts once its cache entry expired
        elsewhereTime.addAndGet(Duration.ofSeconds(60).toNanos());
        assertThat(elsewhere.open(sealed, citizen.toString(), NAME).isRedacted()).isTrue();
        assertThat(new FieldSealer(anotherInstance(), NonceSource.secureRandom())
                .open(sealed, citizen.toString(), NAME).isRedacted()).isTrue();
        assertThatThrownBy(() -> sealer.seal(key, citizen.toString(), NAME, "Jürgen Meyer"))
                .isInstanceOf(KeyDestroyedException.class);
    }

    @Test
    void theKekFileUnderTheDataDirectoryIsTheOwnersOnly() throws Exception {
        assertThat(settings.kekFile()).exists();
        assertThat(Files.getPosixFilePermissions(settings.kekFile()))
                .isEqualTo(Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
