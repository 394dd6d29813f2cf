package de.eakte.audit.access;

import de.eakte.audit.ledger.StoredEvent;
import de.eakte.core.shared.CitizenId;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The newest entry of each citizen's chain: its sequence number and the leaf hash of its stored
 * row. Read from the event table, and remembered after each commit of this instance, so a citizen
 * read again costs no query. A remembered head may be stale (another instance extended the chain
 * since): writing after it then fails on the unique constraint and the writer reads it again.
 * Only committed rows are ever remembered, so a head is always a true row, never a guess.
 */
final class ChainHeads {

    /** The newest link: its sequence number and its RFC 9162 leaf hash. */
    record Head(long sequence, byte[] leafHash) {
    }

    private final JdbcTemplate jdbc;
    private final Map<CitizenId, Head> remembered;

    ChainHeads(JdbcTemplate jdbc, int capacity) {
        this.jdbc = jdbc;
        this.remembered = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CitizenId, Head> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The head as remembered, else as stored; empty for a citizen without entries. */
    Optional<Head> head(CitizenId citizen) {
        synchronized (remembered) {
            Head known = remembered.get(citizen);
            if (known != null) {
                return Optional.of(known);
            }
        }
        return stored(citizen);
    }

    /** The head as stored, in the caller's transaction if there is one. */
    Optional<Head> stored(CitizenId citizen) {
        List<StoredEvent> rows = jdbc.query("""
                SELECT global_index, event_identifier, aggregate_identifier, sequence_number, aggregate_type,
                  time_stamp, payload_type, payload_revision, payload, meta_data
                FROM domain_event_entry WHERE aggregate_identifier = ?
                ORDER BY sequence_number DESC LIMIT 1""",
                (rs, i) -> new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9),
                        rs.getBytes(10)), CitizenAccessLog.aggregateId(citizen));
        return rows.stream().findFirst().map(row -> new Head(row.sequenceNumber(), row.leafHash()));
    }

    /** After a commit: the newer of the two wins, so a late thread cannot move a head back. */
    void remember(CitizenId citizen, Head head) {
        synchronized (remembered) {
            Head known = remembered.get(citizen);
            if (known == null || known.sequence() < head.sequence()) {
                remembered.put(citizen, head);
            }
        }
    }

    void forget(Iterable<CitizenId> citizens) {
        synchronized (remembered) {
            citizens.forEach(remembered::remove);
        }
    }
}
