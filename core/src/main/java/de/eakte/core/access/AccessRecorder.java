package de.eakte.core.access;

/**
 * Port: the one seam every read of citizen data passes. {@link #record} returns only once the
 * entry is durable; if it throws, the caller must not return the data (no entry, no data).
 */
public interface AccessRecorder {

    void record(AccessRecord record) throws AccessNotRecordedException;
}
