package de.eakte.api.storage;

import de.eakte.core.cases.CitizenRegistry;
import de.eakte.core.citizens.CitizenErased;
import de.eakte.core.citizens.CitizenFile;
import de.eakte.core.shared.CitizenId;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Answers from the event store itself whether a citizen's file exists and was not erased, so a
 * case opened right after the file (on any instance) is not refused by a projection that has not
 * caught up, and no case is opened for an erased citizen.
 */
public class EventStoreCitizenRegistry implements CitizenRegistry {

    private final JdbcTemplate jdbc;

    public EventStoreCitizenRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(CitizenId citizenId) {
        Integer found = jdbc.queryForObject("""
                SELECT COUNT(*) FROM domain_event_entry
                WHERE aggregate_identifier = ? AND aggregate_type = ?
                  AND (sequence_number = 0 OR payload_type = ?)""",
                Integer.class, citizenId.toString(), CitizenFile.class.getSimpleName(), CitizenErased.class.getName());
        return found != null && found == 1;
    }
}
