package de.eakte.api.access;

import de.eakte.core.access.policy.InformationBlock;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CitizenId;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * What the access policy needs of a citizen besides their cases, read in one round trip: the
 * information block and restriction from the consolidated file's read model, and whether the
 * caller holds a break-glass grant for them now ({@link BreakGlassRegistry#activeGrant} in the
 * same statement). The staff file read takes the cases from the file itself, so facts and file
 * cost one query more than the file alone.
 */
class CitizenStanding {

    /** Empty when the citizen's file is not (or no longer) in the read model. */
    record Standing(InformationBlock block, boolean restricted, boolean grantActive) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CitizenStanding(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Standing> of(CitizenId citizen, Actor caller) {
        return jdbc.query("""
                        SELECT f.information_block, f.restricted,
                          (SELECT COUNT(*) FROM break_glass_grant g
                           WHERE g.actor_subject = ? AND g.citizen_id = f.citizen_id AND g.expires_at > ?) AS grants
                        FROM citizen_file_view f WHERE f.citizen_id = ?""",
                (rs, i) -> new Standing(InformationBlock.valueOf(rs.getString(1)), rs.getBoolean(2), rs.getLong(3) > 0),
                caller.subject(), clock.instant().atOffset(ZoneOffset.UTC), citizen.toString()).stream().findFirst();
    }
}
