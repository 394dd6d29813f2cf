package de.eakte.audit.access;

import de.eakte.core.access.AccessNotRecordedException;
import de.eakte.core.access.AccessRecord;
import de.eakte.core.access.AccessRecorded;
import de.eakte.core.access.AccessRecorder;
import de.eakte.core.access.SearchRecord;
import de.eakte.core.access.SearchRecorded;
import de.eakte.core.crypto.FieldSealer;
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
 * the citizen's access chain, committed before the caller returns any data. The sink decides how:
 * grouped with concurrent requests ({@link GroupCommitWriter}) or one transaction each.
 */
public class EventStoreAccessRecorder implements AccessRecorder {

    private final AccessLogSink sink;
    private final FieldSealer sealer;
    private final AccessLogRetention retention;

    public EventStoreAccessRecorder(AccessLogSink sink, FieldSealer sealer, AccessLogRetention retention) {
        this.sink = sink;
        this.sealer = sealer;
        this.retention = retention;
    }

    @Override
    public void record(AccessRecord record) {
        try {
            ChainDraft draft;
            try {
                draft = draft(record);
            } catch (RuntimeException e) {
                throw new AccessNotRecordedException("access entry " + record.accessId() + " could not be sealed", e);
            }
            sink.store(new AccessLogAppender.Unit(List.of(), List.of(draft)));
        } catch (AccessNotRecordedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AccessNotRecordedException("access entry " + record.accessId() + " could not be stored", e);
        }
    }

    /** The search and the entries of every citizen it shows, in one transaction: all or nothing. */
    @Override
    public void recordSearch(SearchRecord search, List<AccessRecord> shown) {
        List<EventMessage<?>> plain;
        List<ChainDraft> chained = new ArrayList<>();
        try {
            // sealed here, in the caller's thread, so the writer only stores
            SearchRecorded event = SearchRecorded.of(search, sealer, retention.keyFor(search.at(), search.legalBasis()));
            plain = List.of(new GenericEventMessage<>(event, meta(search.actor(), search.correlationId())));
            shown.forEach(r -> chained.add(draft(r)));
        } catch (RuntimeException e) {
            throw new AccessNotRecordedException("search " + search.searchId() + " could not be sealed", e);
        }
        try {
            sink.store(new AccessLogAppender.Unit(plain, chained));
        } catch (AccessNotRecordedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AccessNotRecordedException("search " + search.searchId() + " could not be stored", e);
        }
    }

    /** Sealed now; only the link is left for the writer. */
    ChainDraft draft(AccessRecord record) {
        AccessRecorded unlinked = AccessRecorded.of(record, sealer, retention.keyFor(record.at(), record.legalBasis()),
                null);
        return new ChainDraft(record.citizenId(), record.accessId().toString(), record.at(),
                meta(record.actor(), record.correlationId()), previous -> withLink(unlinked, previous));
    }

    private static AccessRecorded withLink(AccessRecorded e, String previous) {
        return new AccessRecorded(e.accessId(), e.at(), e.citizenId(), e.actorRole(), e.actorSubject(), e.actorOffice(),
                e.outcome(), e.rule(), e.categories(), e.fileReferences(), e.purpose(), e.legalBasis(), e.reason(),
                e.breakGlass(), e.flagged(), e.channel(), e.correlationId(), previous, e.facts());
    }

    /** Role, office and correlation id; never the subject, which is only in the sealed payload. */
    static MetaData meta(Actor actor, String correlationId) {
        Map<String, Object> meta = new HashMap<>();
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
