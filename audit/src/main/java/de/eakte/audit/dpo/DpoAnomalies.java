package de.eakte.audit.dpo;

import de.eakte.audit.log.DpoAccessLogProjection;
import de.eakte.audit.log.DpoAccessLogProjection.Entry;
import de.eakte.core.shared.InvalidValueException;
import de.eakte.core.shared.OfficeCode;
import de.eakte.core.shared.Role;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The anomaly report's sections as SQL over the DPO's view ({@code dpo_access_log}), each a
 * bounded list of the newest first: staff whose daily look-ups exceed a multiple of their office's
 * median that day, look-ups outside office hours, staff look-ups without case context, and
 * look-ups of strictly confidential or blocked citizens. Each section reads one index range (see
 * the audit migration V2026_11_21_750); the same SQL runs on H2 and PostgreSQL. Only accesses by
 * staff count: citizens read their own file, the DPO's own break-glass is in the break-glass queue.
 */
public class DpoAnomalies {

    public static final int MAX_LIMIT = 500;

    private final JdbcTemplate jdbc;
    private final OfficeHours officeHours;
    private final double dailyMultiple;

    /**
     * @param officeHours   when look-ups are expected, in the zone of the DPO's view
     * @param dailyMultiple how many times its office's median of that day a staff member's
     *                      look-ups must exceed to be listed
     */
    public DpoAnomalies(JdbcTemplate jdbc, OfficeHours officeHours, double dailyMultiple) {
        if (!(dailyMultiple > 0)) {
            throw new IllegalArgumentException("the daily look-up multiple must be positive");
        }
        this.jdbc = jdbc;
        this.officeHours = officeHours;
        this.dailyMultiple = dailyMultiple;
    }

    public OfficeHours officeHours() {
        return officeHours;
    }

    public double dailyMultiple() {
        return dailyMultiple;
    }

    /** A period [from, to) and how many items a section lists at most. */
    public record Period(Instant from, Instant to, int limit) {

        public Period {
            if (!from.isBefore(to)) {
                throw new InvalidValueException("to", "after-from", "to must be later than from");
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new InvalidValueException("limit", "range", "limit must be between 1 and " + MAX_LIMIT);
            }
        }
    }

    /** A section: at most {@code limit} items, and whether more matched. */
    public record Section<T>(List<T> items, boolean more) {

        static <T> Section<T> of(List<T> fetched, int limit) {
            return fetched.size() > limit ? new Section<>(List.copyOf(fetched.subList(0, limit)), true)
                    : new Section<>(List.copyOf(fetched), false);
        }
    }

    /**
     * One staff member's look-ups on one local day against their office's median that day (over
     * the staff of the office with at least one look-up that day).
     */
    public record HeavyUser(LocalDate day, OfficeCode office, String staff, long lookups, double officeMedian,
                            int staffInOffice) {
    }

    /** Staff whose look-ups on a day exceed the multiple of their office's median; most look-ups first. */
    public Section<HeavyUser> heavyUsers(Period p) {
        // the median per office and day over its staff's counts (PERCENTILE_CONT: PostgreSQL and H2)
        List<HeavyUser> rows = jdbc.query("""
                WITH daily AS (
                  SELECT local_day, office, staff_pseudonym, COUNT(*) AS lookups
                  FROM dpo_access_log
                  WHERE accessed_at >= ? AND accessed_at < ? AND actor_role = 'STAFF' AND local_day IS NOT NULL
                  GROUP BY local_day, office, staff_pseudonym),
                medians AS (
                  SELECT local_day, office, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY lookups) AS median,
                         COUNT(*) AS staff
                  FROM daily GROUP BY local_day, office)
                SELECT d.local_day, d.office, d.staff_pseudonym, d.lookups, m.median, m.staff
                FROM daily d JOIN medians m ON m.local_day = d.local_day AND m.office = d.office
                WHERE d.lookups > ? * m.median
                ORDER BY d.local_day DESC, d.lookups DESC, d.staff_pseudonym
                LIMIT ?""",
                (rs, i) -> new HeavyUser(rs.getObject(1, LocalDate.class), new OfficeCode(rs.getString(2)),
                        rs.getString(3), rs.getLong(4), rs.getDouble(5), rs.getInt(6)),
                utc(p.from()), utc(p.to()), dailyMultiple, p.limit() + 1);
        return Section.of(rows, p.limit());
    }

    /** Staff look-ups on a day or at a time outside office hours, newest first. */
    public Section<Entry> outsideOfficeHours(Period p) {
        String onOfficeDay = officeHours.days().isEmpty() ? "1 = 0" : "local_weekday IN (" + officeHours.isoDays() + ")";
        return entries(" AND local_weekday IS NOT NULL AND NOT (" + onOfficeDay
                        + " AND local_minute >= ? AND local_minute < ?)", p, officeHours.startMinute(),
                officeHours.endMinute());
    }

    /**
     * Staff look-ups that showed data (granted or break-glass) while the office had no case context:
     * on a stated purpose or by break-glass alone.
     */
    public Section<Entry> withoutCaseContext(Period p) {
        return entries(" AND in_case_context = FALSE AND outcome IN ('GRANTED', 'BREAK_GLASS')", p);
    }

    /** Staff look-ups (any outcome) of citizens with a strictly confidential case or an information block. */
    public Section<Entry> strictlyConfidentialOrBlocked(Period p) {
        return entries(" AND sensitive_citizen = TRUE", p);
    }

    /** One caller's denials past the flood threshold in one window, over all citizens it touched. */
    public record DenialFlood(String floodId, String staff, Role actorRole, OfficeCode office, Instant from,
                              Instant until, long attempts, int citizens) {
    }

    /**
     * Floods of denied requests (docs/decisions/0008-denial-floods.md), newest first: someone kept
     * asking for data the policy would not give them, past the threshold at which the log only
     * counts. Any role, staff or not.
     */
    public Section<DenialFlood> denialFloods(Period p) {
        List<DenialFlood> rows = jdbc.query("""
                SELECT flood_id, MIN(staff_pseudonym) AS staff, MIN(actor_role) AS actor_role, MIN(office) AS office,
                       MIN(accessed_at) AS first_at, MAX(attempted_until) AS last_at, SUM(attempts) AS attempts,
                       COUNT(*) AS citizens
                FROM dpo_access_log
                WHERE flood_id IS NOT NULL AND accessed_at >= ? AND accessed_at < ?
                GROUP BY flood_id
                ORDER BY first_at DESC, flood_id
                LIMIT ?""",
                (rs, i) -> new DenialFlood(rs.getString("flood_id"), rs.getString("staff"),
                        Role.valueOf(rs.getString("actor_role")),
                        rs.getString("office") == null ? null : new OfficeCode(rs.getString("office")),
                        rs.getObject("first_at", java.time.OffsetDateTime.class).toInstant(),
                        rs.getObject("last_at", java.time.OffsetDateTime.class).toInstant(), rs.getLong("attempts"),
                        rs.getInt("citizens")),
                utc(p.from()), utc(p.to()), p.limit() + 1);
        return Section.of(rows, p.limit());
    }

    private Section<Entry> entries(String condition, Period p, Object... more) {
        List<Object> args = new ArrayList<>(List.of(utc(p.from()), utc(p.to())));
        args.addAll(List.of(more));
        args.add(p.limit() + 1);
        List<Entry> rows = jdbc.query("SELECT * FROM dpo_access_log WHERE accessed_at >= ? AND accessed_at < ?"
                        + " AND actor_role = 'STAFF'" + condition + " ORDER BY accessed_at DESC, access_id DESC LIMIT ?",
                (rs, i) -> DpoAccessLogProjection.entry(rs), args.toArray());
        return Section.of(rows, p.limit());
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
