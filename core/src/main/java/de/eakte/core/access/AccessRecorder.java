package de.eakte.core.access;

import java.util.List;

/**
 * Port: the one seam every read of citizen data passes. {@link #record} returns only once the
 * entry is durable; if it throws, the caller must not return the data (no entry, no data).
 */
public interface AccessRecorder {

    void record(AccessRecord record) throws AccessNotRecordedException;

    /**
     * A staff search (group query, BMG § 40): the search with its criteria and hit count, and one
     * entry per citizen its answer shows, all durable together before the answer leaves.
     */
    void recordSearch(SearchRecord search, List<AccessRecord> shown) throws AccessNotRecordedException;
}
