package de.eakte.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Appends events straight into the running server's event store at a fixed rate, for (g): the
 * ledger's target is a checkpoint delay at 5,000 appends/s, and the audited reads of this machine
 * append a few hundred a second. The events carry a payload type no handler knows, so the tracking
 * processors read and skip them, and the ledger appender takes them in like any other event. One
 * JDBC batch every {@link #TICK_NANOS}, one commit per batch; each row is one event of an
 * aggregate of its own (sequence 0).
 */
final class SyntheticAppends implements AutoCloseable {

    static final String PAYLOAD_TYPE = "de.eakte.bench.LedgerLoad";
    private static final long TICK_NANOS = 10_000_000L;
    private static final byte[] EMPTY = "{}".getBytes(StandardCharsets.UTF_8);

    private final Database db;
    private final int perSecond;
    private final AtomicLong appended = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Exception failure;

    SyntheticAppends(Database db, int perSecond) {
        this.db = db;
        this.perSecond = perSecond;
        this.thread = new Thread(this::run, "bench-synthetic-appends");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    long appended() {
        return appended.get();
    }

    private void run() {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO domain_event_entry (event_identifier, "
                    + "aggregate_identifier, sequence_number, aggregate_type, time_stamp, payload_type, payload, meta_data) "
                    + "VALUES (?, ?, 0, 'BenchLoad', ?, ?, ?, ?)")) {
                long start = System.nanoTime();
                while (running) {
                    long due = (System.nanoTime() - start) * perSecond / 1_000_000_000L - appended.get();
                    if (due > 0) {
                        String now = Instant.now().toString();
                        for (long i = 0; i < due; i++) {
                            insert.setString(1, UUID.randomUUID().toString());
                            insert.setString(2, "bench-" + UUID.randomUUID());
                            insert.setString(3, now);
                            insert.setString(4, PAYLOAD_TYPE);
                            insert.setBytes(5, EMPTY);
                            insert.setBytes(6, EMPTY);
                            insert.addBatch();
                        }
                        insert.executeBatch();
                        c.commit();
                        appended.addAndGet(due);
                    }
                    LockSupport.parkNanos(TICK_NANOS);
                }
            }
        } catch (Exception e) {
            failure = e;
        }
    }

    /** Stops appending; a failure while appending is thrown here. */
    @Override
    public void close() throws Exception {
        running = false;
        thread.join();
        if (failure != null) {
            throw failure;
        }
    }
}
