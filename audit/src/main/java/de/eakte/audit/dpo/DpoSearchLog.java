package de.eakte.audit.dpo;

import de.eakte.audit.log.DpoAccessLogProjection;
import de.eakte.core.access.AccessOutcome;
import de.eakte.core.access.SearchScope;
import de.eakte.core.shared.InvalidValueException;
import de.eakte.core.shared.OfficeCode;
import de.eakte.core.shared.Role;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The staff searches (group queries, BMG § 40) as the DPO sees them, from {@code dpo_search_log}
 * (filled by {@link DpoAccessLogProjection}): time, staff pseudonym, office, purpose, scope,
 * criteria, outcome and hit count. The criteria are personal data typed by staff; showing them is
 * recorded by the API as a read of the DPO.
 */
public class DpoSearchLog {

    public static final int MAX_LIMIT = 500;

    private final JdbcTemplate jdbc;

    public DpoSearchLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What the DPO filters searches by; every field null for no restriction.
     *
     * @param from earliest time, inclusive
     * @param to   latest time, exclusive
     */
    public record Filter(String staff, OfficeCode office, Instant from, Instant to, AccessOutcome outcome,
                         SearchScope scope) {

        public Filter {
            if (staff != null && !DpoAccessLogProjection.PSEUDONYM.matcher(staff).matches()) {
                throw new InvalidValueException("staff", "pseudonym", "staff must be a pseudonym such as P-0123456789ab");
            }
            if (from != null && to != null && !from.isBefore(to)) {
                throw new InvalidValueException("to", "after-from", "to must be later than from");
            }
        }
    }

    /** One search as the DPO sees it: the staff member as a pseudonym, no free-text reason. */
    public record Search(UUID searchId, Instant at, String staff, Role actorRole, OfficeCode office, SearchScope scope,
                         String criteria, AccessOutcome outcome, String rule, int hitCount, String purpose,
                         String legalBasis) {
    }

    /** Matching searches, newest first (ties by id), skipping {@code offset}. */
    public List<Search> query(Filter filter, long offset, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "range", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new InvalidValueException("offset", "range", "offset must be 0 or more");
        }
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(limit);
        args.add(offset);
        return jdbc.query("SELECT * FROM dpo_search_log" + where
                + " ORDER BY searched_at DESC, search_id DESC LIMIT ? OFFSET ?", (rs, i) -> search(rs), args.toArray());
    }

    /** How many searches match. */
    public long count(Filter filter) {
        List<Object> args = new ArrayList<>();
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM dpo_search_log" + where(filter, args), Long.class,
                args.toArray());
        return count == null ? 0 : count;
    }

    private static String where(Filter f, List<Object> args) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        if (f.staff() != null) {
            sql.append(" AND staff_pseudonym = ?");
            args.add(f.staff());
        }
        if (f.office() != null) {
            sql.append(" AND office = ?");
            args.add(f.office().value());
        }
        if (f.from() != null) {
            sql.append(" AND searched_at >= ?");
            args.add(utc(f.from()));
        }
        if (f.to() != null) {
            sql.append(" AND searched_at < ?");
            args.add(utc(f.to()));
        }
        if (f.outcome() != null) {
            sql.append(" AND outcome = ?");
            args.add(f.outcome().name());
        }
        if (f.scope() != null) {
            sql.append(" AND scope = ?");
            args.add(f.scope().name());
        }
        return sql.toString();
    }

    private static Search search(ResultSet rs) throws SQLException {
        String office = rs.getString("office");
        return new Search(UUID.fromString(rs.getString("search_id")),
                rs.getObject("searched_at", OffsetDateTime.class).toInstant(), rs.getString("staff_pseudonym"),
                Role.valueOf(rs.getString("actor_role")), office == null ? null : new OfficeCode(office),
                SearchScope.valueOf(rs.getString("scope")), rs.getString("criteria"),
                AccessOutcome.valueOf(rs.getString("outcome")), rs.getString("decision_rule"), rs.getInt("hit_count"),
                rs.getString("purpose"), rs.getString("legal_basis"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
