package de.eakte.audit.access;

import de.eakte.audit.ledger.StoredEvent;
import de.eakte.core.shared.CitizenId;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Appends access entries in one transaction, each chained to its citizen's previous entry. The
 * link is the leaf hash of the previous entry's stored row; for an entry of the same transaction
 * it is computed from the very serialized form the storage engine writes (Axon messages keep
 * their serialized payload and metadata, and the JDBC engine formats the time stamp with
 * {@link DateTimeUtils#formatInstant}), so it equals the hash of the row once stored.
 *
 * <p>If another writer extended a chain first, the insert fails on the unique (aggregate,
 * sequence) constraint, the whole transaction rolls back, and the batch is tried again after the
 * heads of its citizens were read again: no lock is held across requests and no chain forks.
 */
public final class AccessLogAppender {

    /** What a caller wants stored together: events outside any chain and chain entries. */
    public record Unit(List<EventMessage<?>> plain, List<ChainDraft> chained) {
        public Unit {
            plain = List.copyOf(plain);
            chained = List.copyOf(chained);
        }
    }

    /** The batch could not be stored; nothing of it is. */
    public static final class AppendFailedException extends RuntimeException {
        AppendFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final String UNIQUE_VIOLATION = "23505"; // SQLSTATE, PostgreSQL and H2 alike

    private final EventBus eventStore;
    private final TransactionManager transactions;
    private final Serializer eventSerializer;
    private final ChainHeads heads;
    private final int maxAttempts;
    private final java.util.concurrent.atomic.AtomicLong racesLost = new java.util.concurrent.atomic.AtomicLong();

    public AccessLogAppender(EventBus eventStore, TransactionManager transactions, JdbcTemplate jdbc,
                             Serializer eventSerializer, int maxAttempts) {
        this.eventStore = eventStore;
        this.transactions = transactions;
        this.eventSerializer = eventSerializer;
        this.heads = new ChainHeads(jdbc, 100_000);
        this.maxAttempts = maxAttempts;
    }

    /** Stores every unit in one transaction, retrying after a lost race; all or nothing. */
    public void append(List<Unit> units) {
        Set<CitizenId> citizens = new LinkedHashSet<>();
        units.forEach(u -> u.chained().forEach(d -> citizens.add(d.citizen())));
        RuntimeException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                Map<CitizenId, ChainHeads.Head> written = appendOnce(units, attempt > 1);
                written.forEach(heads::remember);
                return;
            } catch (RuntimeException e) {
                // whatever failed, the remembered heads of this batch may be wrong now
                heads.forget(citizens);
                if (!lostARace(e)) {
                    throw new AppendFailedException("access entries could not be stored", e);
                }
                racesLost.incrementAndGet();
                last = e;
                backOff(attempt);
            }
        }
        throw new AppendFailedException("access chains kept moving: gave up after " + maxAttempts + " attempts", last);
    }

    /** How often a batch lost a race for a chain's next sequence number and was tried again. */
    public long racesLost() {
        return racesLost.get();
    }

    private Map<CitizenId, ChainHeads.Head> appendOnce(List<Unit> units, boolean reread) {
        Map<CitizenId, ChainHeads.Head> newest = new HashMap<>();
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        // in a unit of work, so the event store wakes its readers after the commit, not before it
        unitOfWork.attachTransaction(transactions);
        unitOfWork.execute(() -> {
            List<EventMessage<?>> events = new ArrayList<>();
            Set<CitizenId> citizens = new LinkedHashSet<>();
            units.forEach(u -> u.chained().forEach(d -> citizens.add(d.citizen())));
            newest.putAll(heads.heads(citizens, reread));
            for (Unit unit : units) {
                events.addAll(unit.plain());
                for (ChainDraft draft : unit.chained()) {
                    Optional<ChainHeads.Head> head = Optional.ofNullable(newest.get(draft.citizen()));
                    DomainEventMessage<Object> message = link(draft, head);
                    newest.put(draft.citizen(), new ChainHeads.Head(message.getSequenceNumber(), leafHash(message)));
                    events.add(message);
                }
            }
            eventStore.publish(events);
        });
        return newest;
    }

    private static DomainEventMessage<Object> link(ChainDraft draft, Optional<ChainHeads.Head> head) {
        long sequence = head.map(h -> h.sequence() + 1).orElse(0L);
        String previous = head.map(h -> Base64.getEncoder().encodeToString(h.leafHash())).orElse(null);
        return new GenericDomainEventMessage<>(CitizenAccessLog.TYPE, CitizenAccessLog.aggregateId(draft.citizen()),
                sequence, draft.payload().apply(previous), draft.metaData(), draft.identifier(), draft.timestamp());
    }

    /** The leaf hash of the row this message becomes: the engine reuses these serialized forms. */
    private byte[] leafHash(DomainEventMessage<?> message) {
        SerializedObject<byte[]> payload = message.serializePayload(eventSerializer, byte[].class);
        SerializedObject<byte[]> metaData = message.serializeMetaData(eventSerializer, byte[].class);
        return new StoredEvent(0, message.getIdentifier(), message.getAggregateIdentifier(),
                message.getSequenceNumber(), message.getType(), DateTimeUtils.formatInstant(message.getTimestamp()),
                payload.getType().getName(), payload.getType().getRevision(), payload.getData(), metaData.getData())
                .leafHash();
    }

    /** A short random pause, growing with the attempts, so racing writers stop colliding in step. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 2L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AppendFailedException("interrupted while retrying", e);
        }
    }

    /** A unique violation: another writer took the sequence number first. */
    static boolean lostARace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                // a batch insert reports the statement's own failure as the next exception
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
            String name = t.getClass().getSimpleName();
            if (name.equals("ConcurrencyException") || name.equals("AggregateStreamCreationException")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
