package de.eakte.audit.access;

import de.eakte.core.access.AccessNotRecordedException;
import de.eakte.core.access.AccessRecord;
import de.eakte.core.access.AccessRecorded;
import de.eakte.core.access.AccessRecorder;
import de.eakte.core.access.SearchRecord;
import de.eakte.core.access.SearchRecorded;
import de.eakte.core.shared.Actor;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records each access as an {@link AccessRecorded} event in the event store, in its own committed
 * transaction, before the caller returns any data. One commit per read for now; the access-log
 * issue replaces this with group commit behind the same port.
 */
public class EventStoreAccessRecorder implements AccessRecorder {

    private final EventBus eventStore;
    private final TransactionManager transactions;

    public EventStoreAccessRecorder(EventBus eventStore, TransactionManager transactions) {
        this.eventStore = eventStore;
        this.transactions = transactions;
    }

    @Override
    public void record(AccessRecord record) {
        try {
            // In a unit of work, so the event store wakes its readers after the commit, not before it
            // (outside one, readers polled before the row was visible and waited a full second).
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            unitOfWork.attachTransaction(transactions);
            unitOfWork.execute(() -> eventStore.publish(GenericEventMessage.asEventMessage(AccessRecorded.of(record))
                    .andMetaData(meta(record.actor(), record.correlationId()))));
        } catch (RuntimeException e) {
            throw new AccessNotRecordedException("access entry " + record.accessId() + " could not be stored", e);
        }
    }

    /** The search and the entries of every citizen it shows, in one transaction: all or nothing. */
    @Override
    public void recordSearch(SearchRecord search, List<AccessRecord> shown) {
        List<EventMessage<?>> events = new ArrayList<>();
        events.add(GenericEventMessage.asEventMessage(SearchRecorded.of(search))
                .andMetaData(meta(search.actor(), search.correlationId())));
        for (AccessRecord record : shown) {
            events.add(GenericEventMessage.asEventMessage(AccessRecorded.of(record))
                    .andMetaData(meta(record.actor(), record.correlationId())));
        }
        try {
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            unitOfWork.attachTransaction(transactions);
            unitOfWork.execute(() -> eventStore.publish(events));
        } catch (RuntimeException e) {
            throw new AccessNotRecordedException("search " + search.searchId() + " could not be stored", e);
        }
    }

    private static MetaData meta(Actor actor, String correlationId) {
        Map<String, Object> meta = new HashMap<>();
        meta.put("actorSubject", actor.subject());
        meta.put("actorRole", actor.role().claimValue());
        if (actor.office() != null) {
            meta.put("actorOffice", actor.office().value());
        }
        if (correlationId != null) {
            meta.put("correlationId", correlationId);
        }
        return MetaData.from(meta);
    }
}
