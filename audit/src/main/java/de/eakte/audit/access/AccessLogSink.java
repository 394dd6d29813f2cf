package de.eakte.audit.access;

/** Where the recorder hands what must be stored; returns once it is committed, else throws. */
@FunctionalInterface
public interface AccessLogSink {

    void store(AccessLogAppender.Unit unit);

    /** One transaction per unit: no grouping (for comparison, and for tools that write alone). */
    static AccessLogSink direct(AccessLogAppender appender) {
        return unit -> appender.append(java.util.List.of(unit));
    }
}
