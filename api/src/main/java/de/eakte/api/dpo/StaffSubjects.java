package de.eakte.api.dpo;

import de.eakte.audit.log.DpoAccessLogProjection;
import de.eakte.core.access.AccessDenialsAggregated;
import de.eakte.core.access.AccessRecorded;
import de.eakte.core.access.SearchRecorded;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the staff member behind a pseudonym without a table of subjects: the DPO's view keeps, per
 * access and search, the identifier of its event; this reads a few of those events back through the
 * storage engine, in global-index order as the processors do (so upcasting and whatever the
 * serializer does to stored fields apply), takes the staff member from the event as the DPO view
 * does ({@link DpoAccessLogProjection#staffSubject}) and accepts it only if its HMAC is the
 * pseudonym. Called only for an approved re-identification. Access entries are published outside
 * an aggregate, so they cannot be read back by aggregate id; the global index comes from the event
 * table the api's migrations own (the JDBC storage engine; with Axon Server this would read by token).
 */
public class StaffSubjects {

    /** Events tried per pseudonym: the newest accesses and searches, in case some are no longer readable. */
    static final int TRIES = 5;

    private final EventStorageEngine events;
    private final JdbcTemplate jdbc;
    private final DpoAccessLogProjection view;

    public StaffSubjects(EventStorageEngine events, JdbcTemplate jdbc, DpoAccessLogProjection view) {
        this.events = events;
        this.jdbc = jdbc;
        this.view = view;
    }

    /** The staff member behind the pseudonym, or empty where none of its events can be read any more. */
    public Optional<String> resolve(String pseudonym) {
        for (String eventId : view.eventsOf(pseudonym, TRIES)) {
            Optional<String> subject = subjectOf(eventId).filter(s -> view.pseudonym(s).equals(pseudonym));
            if (subject.isPresent()) {
                return subject;
            }
        }
        return Optional.empty();
    }

    private Optional<String> subjectOf(String eventId) {
        List<Long> index = jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?",
                Long.class, eventId);
        if (index.isEmpty()) {
            return Optional.empty();
        }
        GapAwareTrackingToken before = GapAwareTrackingToken.newInstance(index.get(0) - 1, Collections.emptySortedSet());
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(before, false)) {
            return stream.limit(1).filter(e -> e.getIdentifier().equals(eventId)).findFirst().flatMap(e -> {
                Object payload = e.getPayload();
                if (payload instanceof AccessRecorded access) {
                    return Optional.ofNullable(view.staffSubject(access));
                }
                if (payload instanceof AccessDenialsAggregated flood) {
                    return Optional.ofNullable(view.staffSubject(flood));
                }
                if (payload instanceof SearchRecorded search) {
                    return Optional.ofNullable(view.staffSubject(search));
                }
                return Optional.empty();
            });
        }
    }
}
