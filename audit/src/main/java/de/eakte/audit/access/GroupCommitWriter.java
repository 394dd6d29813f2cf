package de.eakte.audit.access;

import de.eakte.core.access.AccessNotRecordedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Group commit of access entries (docs/decisions/0006-access-log-group-commit.md): callers put
 * what they must store into a bounded queue and wait; one writer thread takes everything queued
 * (up to {@code maxBatch} units) and stores it in one transaction, then releases exactly the
 * callers whose units that commit held. A failed batch fails each of its callers (the transaction
 * rolled back, nothing of it is stored); a lost race for a chain is retried inside the appender.
 * A full queue or a wait beyond {@code maxWait} fails the caller at once, so a stalled database
 * gives 503s, not a pile of hanging requests. {@link #close()} stops taking new units and stores
 * the queued ones before it returns.
 */
public final class GroupCommitWriter implements AccessLogSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final int WAITING = 0;
    private static final int TAKEN = 1;
    private static final int ABANDONED = 2;

    private final AccessLogAppender appender;
    private final BlockingQueue<Pending> queue;
    private final int maxBatch;
    private final Duration maxWait;
    private final Thread writer;
    private volatile boolean closing;
    private volatile boolean started;

    private record Pending(AccessLogAppender.Unit unit, CompletableFuture<Void> done, AtomicInteger state) {
    }

    public GroupCommitWriter(AccessLogAppender appender, int queueCapacity, int maxBatch, Duration maxWait) {
        this.appender = appender;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.maxBatch = maxBatch;
        this.maxWait = maxWait;
        this.writer = new Thread(this::run, "access-log-writer");
        this.writer.setDaemon(false);
    }

    /** Starts the writer thread; until then units wait in the queue. */
    public synchronized GroupCommitWriter start() {
        if (!started) {
            started = true;
            writer.start();
        }
        return this;
    }

    @Override
    public void store(AccessLogAppender.Unit unit) {
        if (closing) {
            throw new AccessNotRecordedException("the access log is shutting down", null);
        }
        Pending pending = new Pending(unit, new CompletableFuture<>(), new AtomicInteger(WAITING));
        if (!queue.offer(pending)) {
            throw new AccessNotRecordedException("the access log's queue is full (" + queue.size() + " waiting)", null);
        }
        try {
            pending.done().get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // not taken yet: it never will be; taken: it may still be stored, a refused read that is logged is safe
            pending.state().compareAndSet(WAITING, ABANDONED);
            throw new AccessNotRecordedException("the access entry was not stored within " + maxWait, e);
        } catch (ExecutionException e) {
            throw new AccessNotRecordedException("the access entry could not be stored", e.getCause());
        } catch (InterruptedException e) {
            pending.state().compareAndSet(WAITING, ABANDONED);
            Thread.currentThread().interrupt();
            throw new AccessNotRecordedException("interrupted while the access entry was stored", e);
        }
    }

    /** Units waiting for the writer. */
    public int queued() {
        return queue.size();
    }

    /** Stops taking units, stores every queued one, and waits for the writer to finish. */
    @Override
    public void close() {
        closing = true;
        start();
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (true) {
            try {
                Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (InterruptedException e) {
                if (closing) {
                    Thread.currentThread().interrupt();
                    failAll("the access log was stopped");
                    return;
                }
            } catch (Throwable t) {
                LOG.error("access-log writer: batch failed outside the appender", t);
                batch.forEach(p -> p.done().completeExceptionally(t));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        List<Pending> taken = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            if (p.state().compareAndSet(WAITING, TAKEN)) {
                taken.add(p);
            }
        }
        if (taken.isEmpty()) {
            return;
        }
        try {
            appender.append(taken.stream().map(Pending::unit).toList());
            taken.forEach(p -> p.done().complete(null));
        } catch (RuntimeException e) {
            taken.forEach(p -> p.done().completeExceptionally(e));
        }
    }

    private void failAll(String why) {
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.done().completeExceptionally(new AccessNotRecordedException(why, null)));
    }
}
