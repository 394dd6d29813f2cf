package de.eakte.api.keys;

import de.eakte.core.crypto.DataKeys;
import de.eakte.core.crypto.KeyDestroyedException;
import de.eakte.core.crypto.KeyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The data keys in table {@code data_key}, wrapped under the key-encryption key. A key is created
 * on first use inside the caller's transaction (the command that seals with it), so it is stored
 * exactly when the events it sealed are; it reaches the cache only after that commit. Destroying
 * a family nulls the wrapped keys, leaves tombstones, forgets them in the cache at once and, after
 * the commit, appends them to the {@link DestroyedKeysJournal}.
 */
public class JdbcDataKeys implements DataKeys {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcDataKeys.class);
    private static final int KEY_BITS = 256; // JDK 17's default AES key size is 128: ask for 256
    private static final int MAX_CACHED = 100_000;
    private static final int PREFETCH_CHUNK = 1_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate required;
    private final TransactionTemplate savepoint;
    private final KeyEncryptionKey kek;
    private final DestroyedKeysJournal journal;
    private final DataKeyCache cache;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Object transactionKey = new Object();

    public JdbcDataKeys(JdbcTemplate jdbc, PlatformTransactionManager transactions, KeyEncryptionKey kek,
                        DestroyedKeysJournal journal, Duration cacheTtl, Clock clock) {
        this(jdbc, transactions, kek, journal, cacheTtl, clock, System::nanoTime);
    }

    JdbcDataKeys(JdbcTemplate jdbc, PlatformTransactionManager transactions, KeyEncryptionKey kek,
                 DestroyedKeysJournal journal, Duration cacheTtl, Clock clock, LongSupplier nanoTime) {
        this.jdbc = jdbc;
        this.required = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.kek = kek;
        this.journal = journal;
        this.cache = new DataKeyCache(cacheTtl, MAX_CACHED, nanoTime);
        this.clock = clock;
    }

    @Override
    public SecretKey forSealing(KeyId id) throws KeyDestroyedException {
        DataKeyCache.Entry cached = cache.get(id);
        if (cached != null) {
            if (cached.destroyed()) {
                throw new KeyDestroyedException(id);
            }
            return cached.key();
        }
        Map<KeyId, SecretKey> created = createdInThisTransaction();
        if (created.containsKey(id)) {
            return created.get(id);
        }
        long generation = cache.generation();
        Optional<Row> row = read(id);
        if (row.isEmpty()) {
            // in the caller's transaction, or one of its own: the ancestors' locks must last until the row is committed
            Creation creation = required.execute(status -> {
                if (anAncestorIsDestroyed(id)) {
                    return Creation.FAMILY_DESTROYED; // never thrown in here: it would doom the caller's transaction
                }
                SecretKey key = newDataKey();
                if (!insert(id, key)) {
                    return Creation.RACED;
                }
                createdInThisTransaction().put(id, key);
                // only once committed: if the command rolls back, the row is gone, and a cached
                // key would seal later events with a key that is stored nowhere
                afterCommit(() -> cache.put(id, key, generation));
                return new Creation(key);
            });
            if (creation == Creation.FAMILY_DESTROYED) {
                // the family was erased: no new member may bring sealed data back under it
                throw new KeyDestroyedException(id);
            }
            if (creation.key() != null) {
                return creation.key();
            }
            row = read(id);
            if (row.isEmpty()) {
                throw new IllegalStateException("data key " + id + " was created concurrently but cannot be read");
            }
        }
        SecretKey key = remember(id, row.get(), generation);
        if (key == null) {
            throw new KeyDestroyedException(id);
        }
        return key;
    }

    @Override
    public Optional<SecretKey> forOpening(KeyId id) {
        DataKeyCache.Entry cached = cache.get(id);
        if (cached != null) {
            return Optional.ofNullable(cached.key());
        }
        SecretKey created = createdInThisTransaction().get(id);
        if (created != null) {
            return Optional.of(created);
        }
        long generation = cache.generation();
        Row row = read(id).orElseThrow(() -> new IllegalStateException("no data key " + id
                + " is stored in data_key, yet a value sealed under it is being opened: was the table "
                + "restored from an older backup than the events, or the row deleted by hand?"));
        return Optional.ofNullable(remember(id, row, generation));
    }

    /**
     * One statement per {@value #PREFETCH_CHUNK} keys not yet cached; each is unwrapped and cached as
     * {@link #forOpening} would (a destroyed one only once this transaction commits). A key created
     * by this transaction is not yet committed, so not cached: its opening finds it anyway.
     */
    @Override
    public void prefetch(Collection<KeyId> ids) {
        Map<KeyId, SecretKey> created = createdInThisTransaction();
        List<String> missing = ids.stream().filter(id -> cache.get(id) == null && !created.containsKey(id))
                .map(KeyId::value).distinct().toList();
        for (int from = 0; from < missing.size(); from += PREFETCH_CHUNK) {
            Object[] chunk = missing.subList(from, Math.min(missing.size(), from + PREFETCH_CHUNK)).toArray();
            long generation = cache.generation();
            jdbc.query(con -> {
                PreparedStatement select = con.prepareStatement(
                        "SELECT key_id, wrapped_key, kek_id, destroyed_at FROM data_key WHERE key_id = ANY (?)");
                select.setArray(1, con.createArrayOf("VARCHAR", chunk));
                return select;
            }, (RowCallbackHandler) rs -> remember(KeyId.of(rs.getString(1)),
                    new Row(rs.getBytes(2), rs.getString(3), rs.getObject(4) != null), generation));
        }
    }

    @Override
    public List<KeyId> destroyFamily(KeyId root) {
        List<KeyId> destroyed = required.execute(status -> {
            List<KeyId> gone = destroyInDatabase(root);
            createdInThisTransaction().keySet().removeIf(id -> id.isInFamilyOf(root));
            Set<KeyId> journaled = new LinkedHashSet<>();
            journaled.add(root);
            journaled.addAll(gone);
            afterCommit(() -> {
                cache.evictFamily(root);
                appendToJournal(journaled);
            });
            return gone;
        });
        cache.evictFamily(root);
        return destroyed;
    }

    /**
     * Refuses to run with a KEK other than the one that wrapped the stored keys: every read would
     * fail, and keys sealed from now on would need a second KEK forever.
     */
    public void verifyKeyEncryptionKey() {
        List<String> fingerprints = jdbc.queryForList(
                "SELECT DISTINCT kek_id FROM data_key WHERE kek_id IS NOT NULL", String.class);
        List<String> foreign = fingerprints.stream().filter(f -> !f.equals(kek.fingerprint())).sorted().toList();
        if (!foreign.isEmpty()) {
            throw new KeysUnusableException("The data keys in table data_key are wrapped by the key-encryption key "
                    + String.join(", ", foreign) + ", but the configured one (" + kek.source() + ") is "
                    + kek.fingerprint() + ". Starting with it would leave every sealed personal field unreadable.");
        }
    }

    /**
     * Makes the database and the journal agree, on every start: a key the journal names but the
     * database still holds (a restored backup) is destroyed again; a key destroyed in the database
     * but missing from the journal (its append failed after the commit) is journaled now.
     * Answers the ids destroyed again.
     */
    public List<KeyId> reconcileWithJournal() {
        Set<KeyId> journaled = journal.readAll();
        Set<KeyId> destroyedInDatabase = new HashSet<>();
        jdbc.query("SELECT key_id FROM data_key WHERE destroyed_at IS NOT NULL",
                rs -> {
                    destroyedInDatabase.add(new KeyId(rs.getString(1)));
                });
        List<KeyId> again = new ArrayList<>();
        for (KeyId id : journaled) {
            if (!destroyedInDatabase.contains(id)) {
                List<KeyId> gone = required.execute(status -> destroyInDatabase(id));
                cache.evictFamily(id);
                again.addAll(gone);
            }
        }
        if (!again.isEmpty()) {
            LOG.warn("destroyed {} data keys again that the destroyed-keys journal names but the database still held "
                    + "(restored from a backup?): {}", again.size(), again);
        }
        List<KeyId> unjournaled = destroyedInDatabase.stream().filter(id -> !journaled.contains(id)).sorted(
                java.util.Comparator.comparing(KeyId::value)).toList();
        if (!unjournaled.isEmpty()) {
            LOG.info("journaling {} destroyed data keys the journal {} did not hold yet", unjournaled.size(), journal.file());
            journal.append(unjournaled);
        }
        return again;
    }

    /** Wraps every live key under {@code next} instead, in one transaction; answers how many. */
    public int rewrap(KeyEncryptionKey next) {
        verifyKeyEncryptionKey();
        return required.execute(status -> {
            List<Object[]> updates = new ArrayList<>();
            jdbc.query("SELECT key_id, wrapped_key FROM data_key WHERE destroyed_at IS NULL", rs -> {
                String id = rs.getString(1);
                SecretKey key = kek.unwrap(rs.getBytes(2), id);
                updates.add(new Object[] {next.wrap(key), next.fingerprint(), id, kek.fingerprint()});
            });
            int changed = 0;
            for (int count : jdbc.batchUpdate(
                    "UPDATE data_key SET wrapped_key = ?, kek_id = ? WHERE key_id = ? AND kek_id = ? AND destroyed_at IS NULL",
                    updates)) {
                changed += count;
            }
            if (changed != updates.size()) {
                throw new IllegalStateException("data keys changed during the rewrap (" + changed + " of "
                        + updates.size() + "); nothing was rewrapped, run it again");
            }
            return changed;
        });
    }

    /** Whether any wrapped key is stored, i.e. whether a KEK is needed to read the data. */
    public static boolean holdsWrappedKeys(JdbcTemplate jdbc) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM data_key WHERE kek_id IS NOT NULL", Integer.class);
        return count != null && count > 0;
    }

    private List<KeyId> destroyInDatabase(KeyId root) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (int attempt = 0; ; attempt++) {
            // the root's lock orders this against members being created (see anAncestorIsDestroyed)
            jdbc.query("SELECT key_id FROM data_key WHERE key_id = ? FOR UPDATE", (rs, n) -> rs.getString(1),
                    root.value());
            List<String> live = jdbc.queryForList("SELECT key_id FROM data_key WHERE family_root = ? "
                            + "AND (key_id = ? OR key_id LIKE ?) AND destroyed_at IS NULL ORDER BY key_id", String.class,
                    familyRoot(root), root.value(), root.value() + "/%");
            List<KeyId> gone = new ArrayList<>();
            for (String id : live) {
                // the condition makes each key count for exactly one of two concurrent destroyers
                if (jdbc.update("UPDATE data_key SET wrapped_key = NULL, kek_id = NULL, destroyed_at = ? "
                        + "WHERE key_id = ? AND destroyed_at IS NULL", now, id) == 1) {
                    gone.add(new KeyId(id));
                }
            }
            Integer rootRows = jdbc.queryForObject("SELECT COUNT(*) FROM data_key WHERE key_id = ?", Integer.class,
                    root.value());
            if (rootRows != null && rootRows > 0) {
                return gone;
            }
            try {
                savepoint.executeWithoutResult(status -> jdbc.update("INSERT INTO data_key "
                                + "(key_id, family_root, wrapped_key, kek_id, created_at, destroyed_at) "
                                + "VALUES (?, ?, NULL, NULL, ?, ?)",
                        root.value(), familyRoot(root), now, now));
                return gone;
            } catch (DuplicateKeyException raced) {
                // the root was created concurrently: destroy it too
                if (attempt >= 2) {
                    throw raced;
                }
            }
        }
    }

    private boolean insert(KeyId id, SecretKey key) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        try {
            // a savepoint: on PostgreSQL a failed statement would otherwise abort the command's transaction
            savepoint.executeWithoutResult(status -> jdbc.update("INSERT INTO data_key "
                            + "(key_id, family_root, wrapped_key, kek_id, created_at, destroyed_at) VALUES (?, ?, ?, ?, ?, NULL)",
                    id.value(), familyRoot(id), kek.wrap(key), kek.fingerprint(), now));
            return true;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    /**
     * Locks the ancestors' rows until this transaction ends and tells whether one is destroyed.
     * A destroyer locks the root first, so a new member of a family and the family's destruction
     * never pass each other: either the member is created first and destroyed with the family, or
     * it sees the destruction.
     */
    private boolean anAncestorIsDestroyed(KeyId id) {
        String[] segments = id.value().split("/");
        List<String> ancestors = new ArrayList<>();
        for (int end = 2; end < segments.length; end += 2) {
            ancestors.add(String.join("/", java.util.Arrays.copyOf(segments, end)));
        }
        if (ancestors.isEmpty()) {
            return false;
        }
        String placeholders = String.join(", ", java.util.Collections.nCopies(ancestors.size(), "?"));
        List<Boolean> destroyed = jdbc.query("SELECT destroyed_at FROM data_key WHERE key_id IN (" + placeholders
                + ") FOR UPDATE", (rs, n) -> rs.getObject(1) != null, ancestors.toArray());
        return destroyed.contains(Boolean.TRUE);
    }

    private Optional<Row> read(KeyId id) {
        return jdbc.query("SELECT wrapped_key, kek_id, destroyed_at FROM data_key WHERE key_id = ?",
                (rs, n) -> new Row(rs.getBytes(1), rs.getString(2), rs.getObject(3) != null), id.value())
                .stream().findFirst();
    }

    /** The unwrapped key, or null if destroyed. */
    private SecretKey open(Row row, KeyId id) {
        if (row.destroyed()) {
            return null;
        }
        if (!kek.fingerprint().equals(row.kekId())) {
            throw new IllegalStateException("data key " + id + " is wrapped by the key-encryption key " + row.kekId()
                    + ", but this server holds " + kek.fingerprint());
        }
        return kek.unwrap(row.wrapped(), id.value());
    }

    private SecretKey newDataKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(KEY_BITS, random);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    /**
     * Unwraps what was read and caches it. A live row not created by this transaction is
     * committed (reads see committed rows and their own), so it is cached at once; a destroyed
     * row may be this transaction's own uncommitted destruction, so it is cached after the commit.
     */
    private SecretKey remember(KeyId id, Row row, long generation) {
        SecretKey key = open(row, id);
        if (key == null) {
            afterCommit(() -> cache.put(id, null, generation));
        } else {
            cache.put(id, key, generation);
        }
        return key;
    }

    /** Keys this transaction created: visible to it, not yet to the cache. Empty outside a transaction. */
    private Map<KeyId, SecretKey> createdInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashMap<>();
        }
        @SuppressWarnings("unchecked")
        Map<KeyId, SecretKey> created = (Map<KeyId, SecretKey>) TransactionSynchronizationManager.getResource(transactionKey);
        if (created == null) {
            Map<KeyId, SecretKey> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(transactionKey, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(transactionKey);
                }
            });
            created = fresh;
        }
        return created;
    }

    private void appendToJournal(Set<KeyId> ids) {
        try {
            journal.append(ids);
        } catch (RuntimeException e) {
            // the database holds the destruction; the next start journals it from there
            LOG.error("destroyed data keys {} could not be appended to the journal {}; they will be journaled "
                    + "on the next start, restore no backup before that", ids, journal.file(), e);
        }
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    static String familyRoot(KeyId id) {
        String value = id.value();
        int first = value.indexOf('/');
        int second = value.indexOf('/', first + 1);
        return second < 0 ? value : value.substring(0, second);
    }

    int cachedKeys() {
        return cache.size();
    }

    private record Row(byte[] wrapped, String kekId, boolean destroyed) {
    }

    /** What an attempt to create a key came to: the key, or one of the two markers. */
    private record Creation(SecretKey key) {
        static final Creation FAMILY_DESTROYED = new Creation(null);
        static final Creation RACED = new Creation(null);
    }
}
