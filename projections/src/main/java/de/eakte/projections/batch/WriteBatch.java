package de.eakte.projections.batch;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one projection writes in one unit of work (a tracking processor's batch of up to 200
 * events): guarded rows ({@link PendingRows}) and appended rows, written as JDBC batches in the
 * unit of work's prepare-commit phase, so in its transaction and before its token is committed. A
 * failing write fails the commit: the transaction rolls back and the token stays where it was.
 *
 * <p>Outside a unit of work (handlers called directly, as the tests do) nothing is held: the
 * handler's writes go at its end ({@link #done()}).
 */
public abstract class WriteBatch {

    protected final JdbcTemplate jdbc;
    private final boolean bound;
    private final Map<String, List<Object[]>> appends = new LinkedHashMap<>();

    protected WriteBatch(JdbcTemplate jdbc, boolean bound) {
        this.jdbc = jdbc;
        this.bound = bound;
    }

    /**
     * The batch of the current unit of work under this key, created on first use from the unit of
     * work's events (to look up the rows they touch at once) with its flush registered before the
     * commit; outside a unit of work a fresh, unbound batch.
     */
    public static <B extends WriteBatch> B current(String key, Factory<B> create) {
        if (!CurrentUnitOfWork.isStarted()) {
            return create.create(false, List.of());
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        B batch = root.getResource(key);
        if (batch == null) {
            batch = create.create(true, events(root));
            root.resources().put(key, batch);
            B registered = batch;
            root.onPrepareCommit(u -> registered.flush());
        }
        return batch;
    }

    /** Creates a batch; {@code bound}: a unit of work flushes it, {@code events}: what the unit of work will handle. */
    @FunctionalInterface
    public interface Factory<B extends WriteBatch> {
        B create(boolean bound, List<EventMessage<?>> events);
    }

    private static List<EventMessage<?>> events(UnitOfWork<?> unitOfWork) {
        List<EventMessage<?>> events = new ArrayList<>();
        if (unitOfWork instanceof BatchingUnitOfWork<?> batching) {
            for (Object m : batching.getMessages()) {
                if (m instanceof EventMessage<?> e) {
                    events.add(e);
                }
            }
        } else if (unitOfWork.getMessage() instanceof EventMessage<?> e) {
            events.add(e);
        }
        return events;
    }

    /** A row for a table nothing updates (its primary key is new): written with the others of its statement. */
    public void append(String sql, Object... args) {
        appends.computeIfAbsent(sql, s -> new ArrayList<>()).add(args);
    }

    /** The end of a handler: outside a unit of work its writes go now. */
    public void done() {
        if (!bound) {
            flush();
        }
    }

    /** Writes what is held, then forgets it (rows are looked up again when next needed). */
    public void flush() {
        for (PendingRows rows : rows()) {
            rows.flush();
        }
        for (Map.Entry<String, List<Object[]>> e : appends.entrySet()) {
            jdbc.batchUpdate(e.getKey(), e.getValue());
        }
        appends.clear();
        flushMore();
    }

    /** The guarded tables of this batch, in the order they are written. */
    protected abstract List<PendingRows> rows();

    /** What a projection writes after rows and appends (e.g. words whose novelty is decided at the end). */
    protected void flushMore() {
    }

    /** The ids of the aggregates the events of these types belong to. */
    public static List<String> aggregates(List<EventMessage<?>> events, Set<Class<?>> types) {
        List<String> ids = new ArrayList<>();
        for (EventMessage<?> e : events) {
            if (e instanceof DomainEventMessage<?> d && types.contains(e.getPayloadType())) {
                ids.add(d.getAggregateIdentifier());
            }
        }
        return ids;
    }
}
