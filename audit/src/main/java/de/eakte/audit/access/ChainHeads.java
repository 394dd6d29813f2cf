package de.eakte.audit.access;

import de.eakte.audit.ledger.StoredEvent;
import de.eakte.core.shared.CitizenId;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * The heads of several citizens, remembered ones unless {@code reread}, the others read in one
     * query (one round trip per batch instead of one per citizen).
     */
    Map<CitizenId, Head> heads(java.util.Collection<CitizenId> citizens, boolean reread) {
        Map<CitizenId, Head> found = new java.util.HashMap<>();
        List<CitizenId> missing = new java.util.ArrayList<>();
        synchronized (remembered) {
            for (CitizenId c : citizens) {
                Head known = reread ? null : remembered.get(c);
                if (known != null) {
                    found.put(c, known);
                } else {
                    missing.add(c);
                }
            }
        }
        for (int from = 0; from < missing.size(); from += 500) {
            List<CitizenId> chunk = missing.subList(from, Math.min(missing.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            jdbc.query("""
                    SELECT d.global_index, d.event_identifier, d.aggregate_identifier, d.sequence_number,
                      d.aggregate_type, d.time_stamp, d.payload_type, d.payload_revision, d.payload, d.meta_data
                    FROM domain_event_entry d
                    WHERE d.aggregate_identifier IN (%s)
                      AND d.sequence_number = (SELECT MAX(m.sequence_number) FROM domain_event_entry m
                                               WHERE m.aggregate_identifier = d.aggregate_identifier)"""
                    .formatted(marks), rs -> {
                StoredEvent row = new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9),
                        rs.getBytes(10));
                found.put(CitizenAccessLog.citizenOf(row.aggregateIdentifier()),
                        new Head(row.sequenceNumber(), row.leafHash()));
            }, chunk.stream().map(CitizenAccessLog::aggregateId).toArray());
        }
        return found;
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
