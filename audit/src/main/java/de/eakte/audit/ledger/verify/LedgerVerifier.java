package de.eakte.audit.ledger.verify;

import de.eakte.audit.ledger.StoredEvent;
import de.eakte.audit.ledger.checkpoint.SignedCheckpoint;
import de.eakte.audit.ledger.store.JdbcLedger;
import de.eakte.audit.ledger.tree.MerkleFrontier;
import de.eakte.audit.ledger.tree.NodeAddress;
import de.eakte.audit.ledger.tree.StoredNode;
import de.eakte.audit.ledger.verify.Finding.Kind;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Recomputes the whole ledger from the event table and compares: every leaf with its event, every
 * event with its leaf, every stored node, every stored checkpoint (root and signature) and every
 * checkpoint kept outside (the only defence against an insider who rewrites history and re-signs
 * it with a stolen key). Reads in pages, so memory does not grow with the store; needs neither
 * the web server nor the event processors.
 */
public class LedgerVerifier {

    private static final int PAGE = 5_000;
    /** Stands in for a leaf whose event is gone, so every later root differs from the signed one. */
    private static final byte[] NO_EVENT = new byte[32];

    private final JdbcTemplate jdbc;
    private final JdbcLedger ledger;

    public LedgerVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.ledger = new JdbcLedger(jdbc);
    }

    private record Row(long leafIndex, long globalIndex, String eventIdentifier, byte[] leafHash, StoredEvent event) {
    }

    private record StoredCheckpointRow(long size, byte[] root, String note) {
    }

    /**
     * @param trusted        signed checkpoints kept outside the database (DPO, witness, citizen's app)
     * @param verifierKeys   keys to accept besides those the database publishes (e.g. from a witness)
     * @param progress       told the number of leaves done, now and then
     */
    public Report verify(List<String> trusted, List<String> verifierKeys, LongConsumer progress) {
        List<Finding> findings = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>(verifierKeys);
        ledger.keys().forEach(k -> keys.add(k.verifierKey()));

        Deque<SignedCheckpoint> outside = new ArrayDeque<>();
        for (String note : trusted) {
            SignedCheckpoint parsed = SignedCheckpoint.parse(note);
            if (keys.stream().noneMatch(key -> verifies(parsed, key))) {
                findings.add(Finding.checkpoint(Kind.TRUSTED_CHECKPOINT, parsed.checkpoint().size(),
                        "checkpoint kept outside at size " + parsed.checkpoint().size()
                                + " is not signed by any published or given key"));
            } else {
                outside.add(parsed);
            }
        }
        List<SignedCheckpoint> sortedOutside = new ArrayList<>(outside);
        sortedOutside.sort(Comparator.comparingLong(c -> c.checkpoint().size()));
        outside = new ArrayDeque<>(sortedOutside);

        MerkleFrontier tree = MerkleFrontier.empty(); // from the events: what checkpoints must match
        MerkleFrontier ledgerTree = MerkleFrontier.empty(); // from the stored leaf hashes: what nodes must match
        long checkpointsSeen = 0;
        StoredCheckpoints checkpoints = new StoredCheckpoints();
        long expectedLeaf = 0;
        long lastLeaf = -1;
        while (true) {
            List<Row> rows = leavesAfter(lastLeaf);
            if (rows.isEmpty()) {
                break;
            }
            List<StoredNode> recomputed = new ArrayList<>(rows.size() * 2);
            for (Row row : rows) {
                lastLeaf = row.leafIndex();
                if (row.leafIndex() != expectedLeaf) {
                    findings.add(Finding.leaf(Kind.LEAF_MISSING, expectedLeaf, "leaves " + expectedLeaf + ".."
                            + (row.leafIndex() - 1) + " are missing from ledger_leaf"));
                    // the tree cannot be recomputed past a hole in the leaf table
                    return new Report(expectedLeaf, checkpointsSeen, trusted.size(), 0, findings);
                }
                expectedLeaf++;
                byte[] leafHash = check(row, findings);
                tree.append(leafHash);
                recomputed.addAll(ledgerTree.append(row.leafHash()));
                while (checkpoints.peek() != null && checkpoints.peek().size() <= tree.size()) {
                    checkpointsSeen++;
                    checkStored(checkpoints.poll(), tree, keys, findings);
                }
                while (!outside.isEmpty() && outside.peekFirst().checkpoint().size() <= tree.size()) {
                    checkOutside(outside.pollFirst(), tree, findings);
                }
            }
            checkNodes(recomputed, findings);
            progress.accept(expectedLeaf);
        }
        for (StoredCheckpointRow beyond = checkpoints.poll(); beyond != null; beyond = checkpoints.poll()) {
            findings.add(Finding.checkpoint(Kind.CHECKPOINT_ROOT, beyond.size(), "checkpoint " + beyond.size()
                    + " is larger than the ledger (" + tree.size() + " leaves): leaves were removed"));
        }
        for (SignedCheckpoint beyond : outside) {
            findings.add(Finding.checkpoint(Kind.TRUSTED_CHECKPOINT, beyond.checkpoint().size(),
                    "checkpoint kept outside at size " + beyond.checkpoint().size() + " is larger than the ledger ("
                            + tree.size() + " leaves): leaves were removed"));
        }
        long pending = eventsWithoutLeaf(findings);
        return new Report(tree.size(), checkpointsSeen, trusted.size(), pending, findings);
    }

    /** Compares a leaf with its event; returns the leaf hash recomputed from the event table. */
    private byte[] check(Row row, List<Finding> findings) {
        String leafName = "leaf " + row.leafIndex() + " (event " + row.eventIdentifier() + ", global index "
                + row.globalIndex() + ")";
        StoredEvent event = row.event();
        if (event == null) {
            List<Long> moved = jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?",
                    Long.class, row.eventIdentifier());
            if (moved.isEmpty()) {
                findings.add(Finding.leaf(Kind.EVENT_DELETED, row.leafIndex(), leafName + ": the event was deleted"));
                return NO_EVENT;
            }
            findings.add(Finding.leaf(Kind.EVENT_REORDERED, row.leafIndex(), leafName
                    + ": the event was moved to global index " + moved.get(0)));
            return ledger.event(moved.get(0)).map(StoredEvent::leafHash).orElse(NO_EVENT);
        }
        if (!event.eventIdentifier().equals(row.eventIdentifier())) {
            List<Long> moved = jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?",
                    Long.class, row.eventIdentifier());
            findings.add(Finding.leaf(moved.isEmpty() ? Kind.EVENT_DELETED : Kind.EVENT_REORDERED, row.leafIndex(),
                    leafName + ": global index " + row.globalIndex() + " now holds event " + event.eventIdentifier()
                            + (moved.isEmpty() ? "; the leaf's event is gone" : "; the leaf's event moved to global index "
                            + moved.get(0) + " (events reordered)")));
            return event.leafHash();
        }
        byte[] recomputed = event.leafHash();
        if (!Arrays.equals(recomputed, row.leafHash())) {
            findings.add(Finding.leaf(Kind.EVENT_ALTERED, row.leafIndex(), leafName
                    + ": the stored event no longer hashes to its leaf (altered)"));
        }
        return recomputed;
    }

    private void checkStored(StoredCheckpointRow checkpoint, MerkleFrontier tree, Set<String> keys,
                             List<Finding> findings) {
        SignedCheckpoint signed;
        try {
            signed = SignedCheckpoint.parse(checkpoint.note());
        } catch (IllegalArgumentException e) {
            findings.add(Finding.checkpoint(Kind.CHECKPOINT_SIGNATURE, checkpoint.size(), "checkpoint "
                    + checkpoint.size() + " is not a well-formed signed note: " + e.getMessage()));
            return;
        }
        if (signed.checkpoint().size() != checkpoint.size()
                || !Arrays.equals(signed.checkpoint().rootHash(), checkpoint.root())
                || keys.stream().noneMatch(key -> verifies(signed, key))) {
            findings.add(Finding.checkpoint(Kind.CHECKPOINT_SIGNATURE, checkpoint.size(), "checkpoint "
                    + checkpoint.size() + ": the signature does not verify with any published key"));
        }
        if (!Arrays.equals(tree.root(), checkpoint.root())) {
            findings.add(Finding.checkpoint(Kind.CHECKPOINT_ROOT, checkpoint.size(), "checkpoint " + checkpoint.size()
                    + ": signed root " + b64(checkpoint.root()) + " differs from the root recomputed from the events "
                    + b64(tree.root())));
        }
    }

    private static void checkOutside(SignedCheckpoint checkpoint, MerkleFrontier tree, List<Finding> findings) {
        if (!Arrays.equals(tree.root(), checkpoint.checkpoint().rootHash())) {
            findings.add(Finding.checkpoint(Kind.TRUSTED_CHECKPOINT, checkpoint.checkpoint().size(),
                    "checkpoint kept outside at size " + checkpoint.checkpoint().size() + ": root "
                            + b64(checkpoint.checkpoint().rootHash()) + " differs from the root recomputed from the events "
                            + b64(tree.root()) + " (history was rewritten after it was handed out)"));
        }
    }

    /**
     * Stored nodes serve the proofs, so they must be the tree of the stored leaf hashes; a node that
     * is not was altered itself (an altered event shows up at its leaf instead).
     */
    private void checkNodes(List<StoredNode> recomputed, List<Finding> findings) {
        for (int from = 0; from < recomputed.size(); from += 1_000) {
            List<StoredNode> chunk = recomputed.subList(from, Math.min(recomputed.size(), from + 1_000));
            Map<NodeAddress, byte[]> stored = ledger.read(chunk.stream().map(StoredNode::address).toList());
            for (StoredNode node : chunk) {
                byte[] hash = stored.get(node.address());
                if (!Arrays.equals(hash, node.hash())) {
                    long firstLeaf = node.address().index() << node.address().level();
                    findings.add(Finding.leaf(Kind.NODE_ALTERED, firstLeaf, "stored node " + node.address()
                            + (hash == null ? " is missing" : " differs from the one computed from the stored leaf hashes")
                            + " (covers leaves from " + firstLeaf + ")"));
                }
            }
        }
    }

    /** Events without a leaf: below the head they were inserted after the fact; above it, pending. */
    private long eventsWithoutLeaf(List<Finding> findings) {
        JdbcLedger.Head head = ledger.head();
        long[] pending = {0};
        jdbc.query("SELECT e.global_index, e.event_identifier FROM domain_event_entry e WHERE NOT EXISTS "
                + "(SELECT 1 FROM ledger_leaf l WHERE l.global_index = e.global_index) ORDER BY e.global_index", rs -> {
            long globalIndex = rs.getLong(1);
            if (globalIndex > head.highWater()) {
                pending[0]++;
            } else {
                long before = leafBefore(globalIndex);
                findings.add(Finding.leaf(Kind.EVENT_INSERTED, before, "event " + rs.getString(2) + " at global index "
                        + globalIndex + " has no leaf: inserted after the fact (the ledger's head is at global index "
                        + head.highWater() + ")"));
            }
        });
        return pending[0];
    }

    /** The first leaf after the place an inserted event would have taken. */
    private long leafBefore(long globalIndex) {
        Long leaf = jdbc.queryForObject("SELECT MIN(leaf_index) FROM ledger_leaf WHERE global_index > ?", Long.class,
                globalIndex);
        return leaf == null ? ledger.head().treeSize() : leaf;
    }

    private List<Row> leavesAfter(long leafIndex) {
        return jdbc.query("SELECT l.leaf_index, l.global_index AS leaf_global_index, l.event_identifier AS leaf_event, "
                + "l.leaf_hash, e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, "
                + "e.aggregate_type, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data "
                + "FROM ledger_leaf l LEFT JOIN domain_event_entry e ON e.global_index = l.global_index "
                + "WHERE l.leaf_index > ? ORDER BY l.leaf_index FETCH FIRST " + PAGE + " ROWS ONLY", (rs, n) -> {
            rs.getLong("global_index");
            StoredEvent event = rs.wasNull() ? null : JdbcLedger.EVENT.mapRow(rs, n);
            return new Row(rs.getLong("leaf_index"), rs.getLong("leaf_global_index"), rs.getString("leaf_event"),
                    rs.getBytes("leaf_hash"), event);
        }, leafIndex);
    }

    /** The stored checkpoints in size order, read a page at a time as the recomputation reaches them. */
    private final class StoredCheckpoints {

        private final Deque<StoredCheckpointRow> page = new ArrayDeque<>();
        private long after;
        private boolean exhausted;

        StoredCheckpointRow peek() {
            if (page.isEmpty() && !exhausted) {
                List<StoredCheckpointRow> next = checkpointsAfter(after);
                exhausted = next.isEmpty();
                page.addAll(next);
                after = exhausted ? after : next.get(next.size() - 1).size();
            }
            return page.peekFirst();
        }

        StoredCheckpointRow poll() {
            StoredCheckpointRow first = peek();
            page.pollFirst();
            return first;
        }
    }

    private List<StoredCheckpointRow> checkpointsAfter(long size) {
        return jdbc.query("SELECT tree_size, root_hash, note FROM ledger_checkpoint WHERE tree_size > ? "
                        + "ORDER BY tree_size FETCH FIRST " + PAGE + " ROWS ONLY",
                (rs, n) -> new StoredCheckpointRow(rs.getLong(1), rs.getBytes(2), rs.getString(3)), size);
    }

    /** A key that cannot be parsed verifies nothing (the CLI refuses malformed keys before this). */
    private static boolean verifies(SignedCheckpoint checkpoint, String verifierKey) {
        try {
            return checkpoint.verifiedBy(verifierKey);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String b64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }
}
