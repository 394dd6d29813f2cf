package de.eakte.audit.ledger.store;

import de.eakte.audit.ledger.StoredEvent;
import de.eakte.audit.ledger.tree.NodeAddress;
import de.eakte.audit.ledger.tree.NodeSource;
import de.eakte.audit.ledger.tree.StoredNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The ledger's tables: leaves, perfect-subtree nodes, the appender's head, the gaps it watches,
 * signed checkpoints and published keys. Plain SQL for H2 and PostgreSQL alike.
 */
public class JdbcLedger implements NodeSource {

    /** Up to this many watched gaps are read one index range each. */
    private static final int MAX_GAP_QUERIES = 50;

    static final String EVENT_COLUMNS = "e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, "
            + "e.aggregate_type, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data";

    public static final RowMapper<StoredEvent> EVENT = (rs, n) -> new StoredEvent(rs.getLong("global_index"),
            rs.getString("event_identifier"), rs.getString("aggregate_identifier"), rs.getLong("sequence_number"),
            rs.getString("aggregate_type"), rs.getString("time_stamp"), rs.getString("payload_type"),
            rs.getString("payload_revision"), rs.getBytes("payload"), rs.getBytes("meta_data"));

    private static final int LEVEL_SHIFT = 56;

    private final JdbcTemplate jdbc;

    public JdbcLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The key of a node in {@code ledger_node}: level in the top byte, index below. */
    public static long nodeKey(NodeAddress address) {
        if (address.index() >= (1L << LEVEL_SHIFT) || address.level() > 62) {
            throw new IllegalArgumentException("node " + address + " is beyond the ledger's addressable range");
        }
        return ((long) address.level() << LEVEL_SHIFT) | address.index();
    }

    static NodeAddress address(long nodeKey) {
        return new NodeAddress((int) (nodeKey >>> LEVEL_SHIFT), nodeKey & ((1L << LEVEL_SHIFT) - 1));
    }

    public record Head(long treeSize, long highWater) {
    }

    /** The head, locked until the surrounding transaction ends: one appender at a time. */
    public Head lockHead() {
        return jdbc.queryForObject("SELECT tree_size, high_water FROM ledger_head WHERE id = 1 FOR UPDATE",
                (rs, n) -> new Head(rs.getLong(1), rs.getLong(2)));
    }

    public Head head() {
        return jdbc.queryForObject("SELECT tree_size, high_water FROM ledger_head WHERE id = 1",
                (rs, n) -> new Head(rs.getLong(1), rs.getLong(2)));
    }

    void moveHead(Head head) {
        jdbc.update("UPDATE ledger_head SET tree_size = ?, high_water = ? WHERE id = 1", head.treeSize(), head.highWater());
    }

    /** Stored events after the high-water mark, in global-index order. */
    List<StoredEvent> eventsAfter(long highWater, int limit) {
        return jdbc.query("SELECT " + EVENT_COLUMNS + " FROM domain_event_entry e WHERE e.global_index > ? "
                + "ORDER BY e.global_index FETCH FIRST " + limit + " ROWS ONLY", EVENT, highWater);
    }

    /**
     * Events that committed late into a gap the appender passed over, not yet leaves. Each gap is
     * read as an index range of the event table: joined to the gap table in one statement, the
     * planner scanned the whole event table on every pass while any gap was watched (24 h by
     * default; 0.4 s and three PostgreSQL processes a pass at 600,000 events, docs/BENCHMARKS.md).
     */
    List<StoredEvent> lateEvents() {
        List<long[]> gaps = jdbc.query("SELECT first_index, last_index FROM ledger_gap ORDER BY first_index",
                (rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)});
        if (gaps.isEmpty()) {
            return List.of();
        }
        String late = "SELECT " + EVENT_COLUMNS + " FROM domain_event_entry e WHERE e.global_index BETWEEN ? AND ? "
                + "AND NOT EXISTS (SELECT 1 FROM ledger_leaf l WHERE l.global_index = e.global_index) ";
        if (gaps.size() > MAX_GAP_QUERIES) {
            // many gaps: one statement, bounded to the range they span
            return jdbc.query(late + "AND EXISTS (SELECT 1 FROM ledger_gap g WHERE e.global_index BETWEEN g.first_index "
                    + "AND g.last_index) ORDER BY e.global_index", EVENT, gaps.get(0)[0],
                    gaps.stream().mapToLong(g -> g[1]).max().orElseThrow());
        }
        List<StoredEvent> found = new java.util.ArrayList<>();
        for (long[] gap : gaps) {
            found.addAll(jdbc.query(late + "ORDER BY e.global_index", EVENT, gap[0], gap[1]));
        }
        found.sort(java.util.Comparator.comparingLong(StoredEvent::globalIndex));
        return found;
    }

    void watchGap(long firstIndex, long lastIndex, Instant seenAt) {
        // idempotent: a gap is watched once, even if the appender passes it again (a restored head)
        jdbc.update("INSERT INTO ledger_gap (first_index, last_index, seen_at) SELECT ?, ?, ? FROM ledger_head "
                + "WHERE id = 1 AND NOT EXISTS (SELECT 1 FROM ledger_gap WHERE first_index = ?)", firstIndex, lastIndex,
                Timestamp.from(seenAt), firstIndex);
    }

    int forgetGapsSeenBefore(Instant before) {
        return jdbc.update("DELETE FROM ledger_gap WHERE seen_at < ?", Timestamp.from(before));
    }

    public record Leaf(long leafIndex, long globalIndex, String eventIdentifier, byte[] leafHash) {
    }

    void insertLeaves(List<Leaf> leaves, Instant appendedAt) {
        Timestamp at = Timestamp.from(appendedAt);
        jdbc.batchUpdate("INSERT INTO ledger_leaf (leaf_index, global_index, event_identifier, leaf_hash, appended_at) "
                        + "VALUES (?, ?, ?, ?, ?)",
                leaves.stream().map(l -> new Object[]{l.leafIndex(), l.globalIndex(), l.eventIdentifier(), l.leafHash(), at})
                        .toList());
    }

    void insertNodes(List<StoredNode> nodes) {
        jdbc.batchUpdate("INSERT INTO ledger_node (node_key, hash) VALUES (?, ?)",
                nodes.stream().map(n -> new Object[]{nodeKey(n.address()), n.hash()}).toList());
    }

    @Override
    public Map<NodeAddress, byte[]> read(Collection<NodeAddress> addresses) {
        Map<NodeAddress, byte[]> found = new HashMap<>();
        if (addresses.isEmpty()) {
            return found;
        }
        List<Long> keys = addresses.stream().map(JdbcLedger::nodeKey).distinct().toList();
        String marks = keys.stream().map(k -> "?").collect(Collectors.joining(","));
        jdbc.query("SELECT node_key, hash FROM ledger_node WHERE node_key IN (" + marks + ")",
                rs -> {
                    found.put(address(rs.getLong(1)), rs.getBytes(2));
                }, keys.toArray());
        return found;
    }

    public Optional<Leaf> leaf(long leafIndex) {
        return jdbc.query("SELECT leaf_index, global_index, event_identifier, leaf_hash FROM ledger_leaf WHERE leaf_index = ?",
                LEAF, leafIndex).stream().findFirst();
    }

    public Optional<Leaf> leafOfEvent(String eventIdentifier) {
        return jdbc.query("SELECT leaf_index, global_index, event_identifier, leaf_hash FROM ledger_leaf "
                + "WHERE event_identifier = ?", LEAF, eventIdentifier).stream().findFirst();
    }

    /** The leaf index of each of these events that is a leaf yet (one query). */
    public Map<String, Long> leafIndexes(Collection<String> eventIdentifiers) {
        Map<String, Long> found = new HashMap<>();
        List<String> ids = eventIdentifiers.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return found;
        }
        String marks = ids.stream().map(k -> "?").collect(Collectors.joining(","));
        jdbc.query("SELECT event_identifier, leaf_index FROM ledger_leaf WHERE event_identifier IN (" + marks + ")",
                rs -> {
                    found.put(rs.getString(1), rs.getLong(2));
                }, ids.toArray());
        return found;
    }

    /** The stored row a leaf is, if it is still there. */
    public Optional<StoredEvent> event(long globalIndex) {
        return jdbc.query("SELECT " + EVENT_COLUMNS + " FROM domain_event_entry e WHERE e.global_index = ?", EVENT,
                globalIndex).stream().findFirst();
    }

    private static final RowMapper<Leaf> LEAF = (rs, n) -> new Leaf(rs.getLong(1), rs.getLong(2), rs.getString(3),
            rs.getBytes(4));

    public record StoredCheckpoint(long treeSize, byte[] rootHash, Instant signedAt, String keyHash, String note) {
    }

    private static final RowMapper<StoredCheckpoint> CHECKPOINT = (rs, n) -> new StoredCheckpoint(rs.getLong(1),
            rs.getBytes(2), rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5));

    void insertCheckpoint(StoredCheckpoint checkpoint) {
        jdbc.update("INSERT INTO ledger_checkpoint (tree_size, root_hash, signed_at, key_hash, note) VALUES (?, ?, ?, ?, ?)",
                checkpoint.treeSize(), checkpoint.rootHash(), Timestamp.from(checkpoint.signedAt()),
                checkpoint.keyHash(), checkpoint.note());
    }

    public Optional<StoredCheckpoint> latestCheckpoint() {
        return jdbc.query("SELECT tree_size, root_hash, signed_at, key_hash, note FROM ledger_checkpoint "
                + "ORDER BY tree_size DESC FETCH FIRST 1 ROWS ONLY", CHECKPOINT).stream().findFirst();
    }

    public Optional<StoredCheckpoint> checkpoint(long treeSize) {
        return jdbc.query("SELECT tree_size, root_hash, signed_at, key_hash, note FROM ledger_checkpoint "
                + "WHERE tree_size = ?", CHECKPOINT, treeSize).stream().findFirst();
    }

    public record PublishedKey(String keyHash, String keyName, String verifierKey, String publicKey, Instant firstUsed,
                               Instant retiredAt) {
    }

    public List<PublishedKey> keys() {
        return jdbc.query("SELECT key_hash, key_name, verifier_key, public_key, first_used, retired_at FROM ledger_key "
                + "ORDER BY first_used, key_hash", (rs, n) -> new PublishedKey(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()));
    }

    /**
     * Publishes the signing key in use (once) and marks every other key retired; retired keys stay
     * published so old checkpoints keep verifying.
     */
    public void publishKey(PublishedKey key, Instant now) {
        List<String> known = jdbc.queryForList("SELECT key_hash FROM ledger_key WHERE key_hash = ?", String.class,
                key.keyHash());
        if (known.isEmpty()) {
            jdbc.update("INSERT INTO ledger_key (key_hash, key_name, verifier_key, public_key, first_used) "
                    + "VALUES (?, ?, ?, ?, ?)", key.keyHash(), key.keyName(), key.verifierKey(), key.publicKey(),
                    Timestamp.from(now));
        } else {
            jdbc.update("UPDATE ledger_key SET retired_at = NULL WHERE key_hash = ?", key.keyHash());
        }
        jdbc.update("UPDATE ledger_key SET retired_at = ? WHERE key_hash <> ? AND retired_at IS NULL",
                Timestamp.from(now), key.keyHash());
    }
}
