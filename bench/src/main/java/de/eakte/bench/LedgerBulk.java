package de.eakte.bench;

import de.eakte.audit.ledger.StoredEvent;
import de.eakte.audit.ledger.store.JdbcLedger;
import de.eakte.audit.ledger.tree.MerkleFrontier;
import de.eakte.audit.ledger.tree.NodeAddress;
import de.eakte.audit.ledger.tree.StoredNode;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.PrintStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Grows a stopped server's ledger to a given size with synthetic leaves (no events behind them)
 * and every perfect node they complete, by COPY, so proofs can be measured at ten million leaves
 * without appending ten million events. The head moves to the new size, so the restarted server's
 * appender continues the same tree. A store grown this way does not pass {@code ledger verify}:
 * it is for measuring only, in the bench's own database.
 */
final class LedgerBulk {

    private static final int CHUNK = 200_000;

    private LedgerBulk() {
    }

    static long extend(Database db, long target, long seed, PrintStream out) throws Exception {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            long size;
            long highWater;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT tree_size, high_water FROM ledger_head WHERE id = 1 FOR UPDATE")) {
                rs.next();
                size = rs.getLong(1);
                highWater = rs.getLong(2);
            }
            MerkleFrontier frontier = MerkleFrontier.restore(size, addresses -> read(c, addresses));
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            HexFormat hex = HexFormat.of();
            long started = System.nanoTime();
            while (frontier.size() < target) {
                StringBuilder leaves = new StringBuilder(CHUNK * 120);
                StringBuilder nodes = new StringBuilder(CHUNK * 2 * 90);
                long end = Math.min(target, frontier.size() + CHUNK);
                while (frontier.size() < end) {
                    long index = frontier.size();
                    byte[] hash = StoredEvent.leafHash(ByteBuffer.allocate(16).putLong(seed).putLong(index).array());
                    leaves.append(index).append('\t').append(-1 - index).append("\tbench-").append(index)
                            .append("\t\\\\x").append(hex.formatHex(hash)).append("\t2026-01-01 00:00:00+00\n");
                    for (StoredNode node : frontier.append(hash)) {
                        nodes.append(JdbcLedger.nodeKey(node.address())).append("\t\\\\x").append(hex.formatHex(node.hash())).append('\n');
                    }
                }
                copy.copyIn("COPY ledger_leaf (leaf_index, global_index, event_identifier, leaf_hash, appended_at) FROM STDIN",
                        new StringReader(leaves.toString()));
                copy.copyIn("COPY ledger_node (node_key, hash) FROM STDIN", new StringReader(nodes.toString()));
                double seconds = (System.nanoTime() - started) / 1e9;
                out.printf(Locale.ROOT, "  ledger bulk load: %d / %d leaves, %.0f leaves/s%n", frontier.size(), target,
                        frontier.size() / Math.max(seconds, 0.001));
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE ledger_head SET tree_size = ?, high_water = ? WHERE id = 1")) {
                p.setLong(1, frontier.size());
                p.setLong(2, highWater);
                p.executeUpdate();
            }
            c.commit();
            return frontier.size();
        }
    }

    private static Map<NodeAddress, byte[]> read(Connection c, java.util.Collection<NodeAddress> addresses) {
        Map<NodeAddress, byte[]> found = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT hash FROM ledger_node WHERE node_key = ?")) {
            for (NodeAddress address : List.copyOf(addresses)) {
                p.setLong(1, JdbcLedger.nodeKey(address));
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        found.put(address, rs.getBytes(1));
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }
}
