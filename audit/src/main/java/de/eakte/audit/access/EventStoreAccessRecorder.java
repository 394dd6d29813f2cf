package de.eakte.audit.access;

import de.eakte.core.access.AccessNotRecordedException;
import de.eakte.core.access.AccessRecord;
import de.eakte.core.access.AccessRecorded;
import de.eakte.core.access.AccessRecorder;
import de.eakte.core.access.SearchRecord;
import de.eakte.core.access.SearchRecorded;
import de.eakte.core.shared.Actor;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records each access as an {@link AccessRecorded} event in the event store, as the next link of
 * the citizen's access chain, in a committed transaction before the caller returns any data.
 */
public class EventStoreAccessRecorder implements AccessRecorder {

    private final AccessLogAppender appender;

    public EventStoreAccessRecorder(AccessLogAppender appender) {
        this.appender = appender;
    }

    @Override
    public void record(AccessRecord record) {
        try {
            appender.append(List.of(new AccessLogAppender.Unit(List.of(), List.of(draft(record)))));
        } catch (RuntimeException e) {
            throw new AccessNotRecordedException("access entry " + record.accessId() + " could not be stored", e);
        }
    }

    /** The search and the entries of every citizen it shows, in one transaction: all or nothing. */
    @Override
    public void recordSearch(SearchRecord search, List<AccessRecord> shown) {
        List<EventMessage<?>> plain = List.of(GenericEventMessage.asEventMessage(SearchRecorded.of(search))
                .andMetaData(meta(search.actor(), search.correlationId())));
        List<ChainDraft> chained = new ArrayList<>();
        shown.forEach(r -> chained.add(draft(r)));
        try {
            appender.append(List.of(new AccessLogAppender.Unit(plain, chained)));
        } catch (RuntimeException e) {
            throw new AccessNotRecordedException("search " + search.searchId() + " could not be stored", e);
        }
    }

    static ChainDraft draft(AccessRecord record) {
        return new ChainDraft(record.citizenId(), record.accessId().toString(), record.at(),
                meta(record.actor(), record.correlationId()), previous -> AccessRecorded.of(record, previous));
    }

    static MetaData meta(Actor actor, String correlationId) {
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
