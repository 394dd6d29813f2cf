package de.eakte.api.access;

import de.eakte.core.access.policy.CaseFact;
import de.eakte.core.access.policy.InformationBlock;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CitizenId;
import de.eakte.projections.file.ConsolidatedFileProjection;
import de.eakte.projections.file.ConsolidatedFileProjection.AccessFacts;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the access policy needs of a citizen besides their cases, read in one round trip: the
 * information block and restriction from the consolidated file's read model, and whether the
 * caller holds a break-glass grant for them now ({@link BreakGlassRegistry#activeGrant} in the
 * same statement). The staff file read takes the cases from the file itself, so facts and file
 * cost one query more than the file alone. A search page asks the same of all its hits at once
 * ({@link #ofEach}), with the cases the policy decides on.
 */
class CitizenStanding {

    /** Empty when the citizen's file is not (or no longer) in the read model. */
    record Standing(InformationBlock block, boolean restricted, boolean grantActive) {
    }

    /** The policy's facts of one citizen a search found, and whether the caller holds a grant for them. */
    record Found(AccessFacts facts, boolean grantActive) {
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

    /**
     * The facts of every citizen a search page found, in one statement instead of two per hit;
     * citizens no longer in the read model are missing from the map. Cases come in the order of
     * {@code ConsolidatedFileProjection.accessFacts}: opened, then file reference.
     */
    Map<CitizenId, Found> ofEach(Collection<CitizenId> citizens, Actor caller) {
        if (citizens.isEmpty()) {
            return Map.of();
        }
        List<Object> arguments = new ArrayList<>();
        arguments.add(caller.subject());
        arguments.add(clock.instant().atOffset(ZoneOffset.UTC));
        citizens.forEach(c -> arguments.add(c.toString()));
        Map<CitizenId, Standing> standings = new HashMap<>();
        Map<CitizenId, List<CaseFact>> cases = new HashMap<>();
        jdbc.query("""
                SELECT f.citizen_id, f.information_block, f.restricted,
                  (SELECT COUNT(*) FROM break_glass_grant g
                   WHERE g.actor_subject = ? AND g.citizen_id = f.citizen_id AND g.expires_at > ?) AS grants,
                  c.case_id, c.file_reference, c.office, c.status, c.closed_at, c.confidentiality
                FROM citizen_file_view f LEFT JOIN case_view c ON c.citizen_id = f.citizen_id
                WHERE f.citizen_id IN (%s) ORDER BY f.citizen_id, c.opened_at, c.file_reference"""
                .formatted(String.join(",", Collections.nCopies(citizens.size(), "?"))), rs -> {
            CitizenId id = CitizenId.of(rs.getString("citizen_id"));
            if (!standings.containsKey(id)) {
                standings.put(id, new Standing(InformationBlock.valueOf(rs.getString("information_block")),
                        rs.getBoolean("restricted"), rs.getLong("grants") > 0));
                cases.put(id, new ArrayList<>());
            }
            if (rs.getString("case_id") != null) {
                cases.get(id).add(ConsolidatedFileProjection.caseFact(rs));
            }
        }, arguments.toArray());
        Map<CitizenId, Found> found = new HashMap<>();
        standings.forEach((id, s) -> found.put(id, new Found(new AccessFacts(id, s.block(), List.copyOf(cases.get(id)),
                s.restricted()), s.grantActive())));
        return found;
    }
}
