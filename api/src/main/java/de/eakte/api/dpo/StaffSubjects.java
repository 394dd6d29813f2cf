package de.eakte.api.dpo;

import de.eakte.audit.log.DpoAccessLogProjection;
import de.eakte.audit.log.DpoAccessLogProjection.EventRef;
import de.eakte.core.access.AccessRecorded;
import de.eakte.core.access.SearchRecorded;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Optional;

/**
 * Finds the staff member behind a pseudonym without a table of subjects: the DPO's view keeps, per
 * access and search, where its event is in the event store; this reads a few of those events back
 * (through the storage engine, so whatever the serializer does to stored fields applies), takes
 * the staff member from the event as the DPO view does ({@link DpoAccessLogProjection#staffSubject})
 * and accepts it only if its HMAC is the pseudonym. Called only for an approved re-identification.
 */
public class StaffSubjects {

    /** Events tried per pseudonym: the newest accesses and searches, in case some are no longer readable. */
    static final int TRIES = 5;

    private final EventStore eventStore;
    private final DpoAccessLogProjection view;

    public StaffSubjects(EventStore eventStore, DpoAccessLogProjection view) {
        this.eventStore = eventStore;
        this.view = view;
    }

    /** The staff member behind the pseudonym, or empty where none of its events can be read any more. */
    public Optional<String> resolve(String pseudonym) {
        for (EventRef ref : view.eventsOf(pseudonym, TRIES)) {
            Optional<String> subject = subjectAt(ref).filter(s -> view.pseudonym(s).equals(pseudonym));
            if (subject.isPresent()) {
                return subject;
            }
        }
        return Optional.empty();
    }

    private Optional<String> subjectAt(EventRef ref) {
        DomainEventStream events = eventStore.readEvents(ref.aggregate(), ref.sequence());
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getSequenceNumber() != ref.sequence()) {
                break;
            }
            Object payload = event.getPayload();
            if (payload instanceof AccessRecorded access) {
                return Optional.ofNullable(view.staffSubject(access));
            }
            if (payload instanceof SearchRecorded search) {
                return Optional.ofNullable(view.staffSubject(search));
            }
            break;
        }
        return Optional.empty();
    }
}
