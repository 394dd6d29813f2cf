package de.eakte.audit.access;

import de.eakte.core.access.AccessNotRecordedException;
import de.eakte.core.access.AccessRecord;
import de.eakte.core.access.AccessRecorded;
import de.eakte.core.access.AccessRecorder;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

import java.util.HashMap;
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
        Map<String, Object> meta = new HashMap<>();
        meta.put("actorSubject", record.actor().subject());
        meta.put("actorRole", record.actor().role().claimValue());
        if (record.actor().office() != null) {
            meta.put("actorOffice", record.actor().office().value());
        }
        if (record.correlationId() != null) {
            meta.put("correlationId", record.correlationId());
        }
        try {
            // In a unit of work, so the event store wakes its readers after the commit, not before it
            // (outside one, readers polled before the row was visible and waited a full second).
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            unitOfWork.attachTransaction(transactions);
            unitOfWork.execute(() -> eventStore.publish(
                    GenericEventMessage.asEventMessage(AccessRecorded.of(record)).andMetaData(MetaData.from(meta))));
        } catch (RuntimeException e) {
            throw new AccessNotRecordedException("access entry " + record.accessId() + " could not be stored", e);
        }
    }
}
