package de.eakte.audit.log;

import de.eakte.core.access.AccessDenialsAggregated;
import de.eakte.core.access.AccessFields;
import de.eakte.core.access.AccessLogKeysDestroyed;
import de.eakte.core.access.AccessOutcome;
import de.eakte.core.access.AccessRecorded;
import de.eakte.core.access.Channel;
import de.eakte.core.access.DataCategory;
import de.eakte.core.access.DecisionFacts;
import de.eakte.core.access.SearchRecorded;
import de.eakte.core.access.policy.InformationBlock;
import de.eakte.core.cases.FileReference;
import de.eakte.core.crypto.FieldSealer;
import de.eakte.core.crypto.KeyId;
import de.eakte.core.crypto.Opened;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.InvalidValueException;
import de.eakte.core.shared.OfficeCode;
import de.eakte.core.shared.Role;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The data-protection officer's access log: every recorded access (granted, denied, break-glass),
 * filterable by staff member, office, citizen, period, outcome and break-glass, with the facts the
 * decision rested on (case context, strictly confidential, information block) and the local day
 * and time of the access for the anomaly report; and every staff search (group query) in
 * {@code dpo_search_log}. Staff appear as stable pseudonyms: {@code P-} and the first 12 hex digits
 * of HMAC-SHA256(key, subject), the key held by the application. The subject itself is not stored
 * here, only where its event is in the event store; re-identifying a pseudonym is a separate
 * action a second person must approve.
 */
@ProcessingGroup(DpoAccessLogProjection.PROCESSING_GROUP)
public class DpoAccessLogProjection {

    public static final String PROCESSING_GROUP = "dpo-access-log";
    public static final int MAX_LIMIT = 500;
    public static final Pattern PSEUDONYM = Pattern.compile("P-[0-9a-f]{12}");

    private static final String HMAC = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 32;

    /** The zone the local day and time of an access are taken in, unless configured otherwise. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Berlin");

    private final JdbcTemplate jdbc;
    private final SecretKeySpec key;
    private final FieldSealer sealer;
    private final ZoneId zone;
    private final IntSupplier generation;

    /** @param pseudonymKey the secret the staff pseudonyms are derived with, at least 32 bytes */
    public DpoAccessLogProjection(JdbcTemplate jdbc, byte[] pseudonymKey, FieldSealer sealer) {
        this(jdbc, pseudonymKey, sealer, DEFAULT_ZONE);
    }

    /**
     * @param pseudonymKey the secret the staff pseudonyms are derived with, at least 32 bytes
     * @param sealer       opens the staff member and the search criteria, sealed under period keys
     * @param zone         the zone of the local day and time kept per access (office hours, daily
     *                     counts); changing it takes a rebuild of this read model
     */
    public DpoAccessLogProjection(JdbcTemplate jdbc, byte[] pseudonymKey, FieldSealer sealer, ZoneId zone) {
        if (pseudonymKey == null || pseudonymKey.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the staff pseudonym key must have at least " + MIN_KEY_BYTES + " bytes");
        }
        this.jdbc = jdbc;
        this.key = new SecretKeySpec(pseudonymKey.clone(), HMAC);
        this.sealer = sealer;
        this.zone = zone;
        this.generation = ActiveGeneration.of(jdbc, PROCESSING_GROUP);
    }

    private DpoAccessLogProjection(DpoAccessLogProjection live, IntSupplier generation) {
        this.jdbc = live.jdbc;
        this.key = live.key;
        this.sealer = live.sealer;
        this.zone = live.zone;
        this.generation = generation;
    }

    /**
     * The same handlers (same pseudonym key, sealer and zone) writing into one generation, for a
     * rebuild beside the serving one (docs/decisions/0007-blue-green-rebuild.md). The live model
     * writes into the active generation; reads go through the views of the active generation
     * ({@code dpo_access_log}, {@code dpo_search_log}).
     */
    public DpoAccessLogProjection inGeneration(int fixed) {
        return new DpoAccessLogProjection(this, () -> fixed);
    }

    /** The zone of the local day and time kept per access. */
    public ZoneId zone() {
        return zone;
    }

    @EventHandler
    void on(AccessRecorded event, EventMessage<?> message) {
        store(event, message.getIdentifier());
    }

    /** An access entry handed in directly (tests), without its place in the event store. */
    public void on(AccessRecorded event) {
        store(event, null);
    }

    private void store(AccessRecorded event, String eventId) {
        // a tracking processor may hand an event again after a lost claim: keep the entry once
        int g = generation.getAsInt();
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM dpo_access_row WHERE generation = ? AND access_id = ?",
                Integer.class, g, event.accessId().toString());
        if (known != null && known > 0) {
            return;
        }
        // the subject is sealed under its period's key; once that is destroyed the entry has left the log
        String subject = staffSubject(event);
        if (subject == null) {
            return;
        }
        DecisionFacts facts = event.facts();
        ZonedDateTime local = event.at().atZone(zone);
        jdbc.update("""
                INSERT INTO dpo_access_row (generation, access_id, accessed_at, citizen_id, staff_pseudonym, actor_role,
                  office, purpose, legal_basis, outcome, decision_rule, categories, file_references, break_glass, flagged,
                  channel, in_case_context, case_context, strictly_confidential, information_block, sensitive_citizen,
                  local_day, local_weekday, local_minute, event_id, sealed_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                g, event.accessId().toString(), utc(event.at()), event.citizenId().toString(),
                pseudonym(subject), event.actorRole().name(),
                event.actorOffice() == null ? null : event.actorOffice().value(), event.purpose(), event.legalBasis(),
                event.outcome().name(), event.rule(), joined(event.categories()), joined(event.fileReferences()),
                event.outcome() == AccessOutcome.BREAK_GLASS || event.breakGlass() != null, event.flagged(),
                event.channel().name(),
                facts == null ? null : facts.inCaseContext(), facts == null ? null : joined(facts.caseContext()),
                facts == null ? null : facts.strictlyConfidential(), facts == null ? null : facts.block().name(),
                facts == null ? null : facts.strictlyConfidential() || facts.block() != InformationBlock.NONE,
                local.toLocalDate(), local.getDayOfWeek().getValue(), local.getHour() * 60 + local.getMinute(),
                eventId, event.sealedWith().value());
    }

    /**
     * A caller's denials past the flood threshold for one citizen in one window: one row that says
     * how many attempts it stands for, by which rules, until when, and which flood it belongs to.
     */
    @EventHandler
    void on(AccessDenialsAggregated event, EventMessage<?> message) {
        store(event, message.getIdentifier());
    }

    /** A flood entry handed in directly (tests), without its place in the event store. */
    public void on(AccessDenialsAggregated event) {
        store(event, null);
    }

    private void store(AccessDenialsAggregated event, String eventId) {
        int g = generation.getAsInt();
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM dpo_access_row WHERE generation = ? AND access_id = ?",
                Integer.class, g, event.entryId().toString());
        if (known != null && known > 0) {
            return;
        }
        String subject = staffSubject(event);
        if (subject == null) {
            return;
        }
        ZonedDateTime local = event.from().atZone(zone);
        jdbc.update("""
                INSERT INTO dpo_access_row (generation, access_id, accessed_at, citizen_id, staff_pseudonym, actor_role,
                  office, outcome, decision_rule, categories, file_references, break_glass, flagged, channel,
                  local_day, local_weekday, local_minute, event_id, sealed_key, attempts, attempted_until, flood_id,
                  flood_rules)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', FALSE, FALSE, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                g, event.entryId().toString(), utc(event.from()), event.citizenId().toString(), pseudonym(subject),
                event.actorRole().name(), event.actorOffice() == null ? null : event.actorOffice().value(),
                AccessOutcome.DENIED.name(), CitizenAccessLogProjection.DENIAL_FLOOD_RULE,
                event.channels().iterator().next().name(), local.toLocalDate(), local.getDayOfWeek().getValue(),
                local.getHour() * 60 + local.getMinute(), eventId, event.sealedWith().value(), event.attempts(),
                utc(event.until()), event.floodId().toString(), floodRules(event.rules()));
    }

    /** The rules of a flood entry as {@code rule=count}, comma-separated, in rule order. */
    static String floodRules(Map<String, Integer> rules) {
        return rules.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    /** A staff search (group query): who (as a pseudonym), when, why, with which criteria, how many hits. */
    @EventHandler
    void on(SearchRecorded event, EventMessage<?> message) {
        store(event, message.getIdentifier());
    }

    /** A search handed in directly (tests), without its place in the event store. */
    public void on(SearchRecorded event) {
        store(event, null);
    }

    private void store(SearchRecorded event, String eventId) {
        int g = generation.getAsInt();
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM dpo_search_row WHERE generation = ? AND search_id = ?",
                Integer.class, g, event.searchId().toString());
        if (known != null && known > 0) {
            return;
        }
        String subject = staffSubject(event);
        Opened<String> criteria = sealer.open(event.criteria(), event.searchId().toString(), AccessFields.SEARCH_CRITERIA);
        if (subject == null || criteria.isRedacted()) {
            return; // its period's key is destroyed: the search has left the log
        }
        jdbc.update("""
                INSERT INTO dpo_search_row (generation, search_id, searched_at, staff_pseudonym, actor_role, office,
                  scope, criteria, outcome, decision_rule, hit_count, purpose, legal_basis, event_id, sealed_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                g, event.searchId().toString(), utc(event.at()), pseudonym(subject), event.actorRole().name(),
                event.actorOffice() == null ? null : event.actorOffice().value(), event.scope().name(),
                criteria.orElse(null), event.outcome().name(), event.rule(), event.hitCount(), event.purpose(),
                event.legalBasis(), eventId, event.criteria().key().value());
    }

    @ResetHandler
    public void reset() {
        clear(generation.getAsInt());
    }

    /** Empties one generation (before a rebuild fills it, or once it no longer serves). */
    public void clear(int g) {
        jdbc.update("DELETE FROM dpo_access_row WHERE generation = ?", g);
        jdbc.update("DELETE FROM dpo_search_row WHERE generation = ?", g);
    }

    /**
     * The staff member of an access entry as the event holds it. The one place that reads it: the
     * pseudonym and an approved re-identification both go through here.
     */
    public String staffSubject(AccessRecorded event) {
        return sealer.open(event.actorSubject(), event.accessId().toString(), AccessFields.ACTOR_SUBJECT).orElse(null);
    }

    /**
     * Entries and searches whose period keys were destroyed leave the log, in <b>every</b>
     * generation: a rebuild that read them before the key was destroyed must not keep them until it
     * reaches this event.
     */
    @EventHandler
    public void on(AccessLogKeysDestroyed event) {
        for (KeyId sealedKey : event.keys()) {
            jdbc.update("DELETE FROM dpo_access_row WHERE sealed_key = ?", sealedKey.value());
            jdbc.update("DELETE FROM dpo_search_row WHERE sealed_key = ?", sealedKey.value());
        }
    }

    /** The caller of a flood entry as the event holds it; see {@link #staffSubject(AccessRecorded)}. */
    public String staffSubject(AccessDenialsAggregated event) {
        return sealer.open(event.actorSubject(), event.entryId().toString(), AccessFields.DENIALS_ACTOR_SUBJECT)
                .orElse(null);
    }

    /** The staff member of a search as the event holds it; see {@link #staffSubject(AccessRecorded)}. */
    public String staffSubject(SearchRecorded event) {
        return sealer.open(event.actorSubject(), event.searchId().toString(), AccessFields.SEARCH_ACTOR_SUBJECT)
                .orElse(null);
    }

    /**
     * The identifiers of this pseudonym's most recent events in the event store (accesses, then
     * searches), newest first, at most {@code max} of each; empty for a pseudonym this view does not know.
     */
    public List<String> eventsOf(String pseudonym, int max) {
        List<String> ids = new ArrayList<>(jdbc.queryForList("""
                SELECT event_id FROM dpo_access_log WHERE staff_pseudonym = ? AND event_id IS NOT NULL
                ORDER BY accessed_at DESC LIMIT ?""", String.class, pseudonym, max));
        ids.addAll(jdbc.queryForList("""
                SELECT event_id FROM dpo_search_log WHERE staff_pseudonym = ? AND event_id IS NOT NULL
                ORDER BY searched_at DESC LIMIT ?""", String.class, pseudonym, max));
        return ids;
    }

    /** Whether any access or search of this view was made by the staff member behind this pseudonym. */
    public boolean knows(String pseudonym) {
        Integer n = jdbc.queryForObject("""
                SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM dpo_access_log WHERE staff_pseudonym = ? LIMIT 1) a)
                     + (SELECT COUNT(*) FROM (SELECT 1 FROM dpo_search_log WHERE staff_pseudonym = ? LIMIT 1) s)""",
                Integer.class, pseudonym, pseudonym);
        return n != null && n > 0;
    }

    /** The stable pseudonym of a staff subject: {@code P-} and 12 hex digits of HMAC-SHA256(key, subject). */
    public String pseudonym(String subject) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            byte[] digest = mac.doFinal(String.valueOf(subject).getBytes(StandardCharsets.UTF_8));
            return "P-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    // ---- queries --------------------------------------------------------------------------------

    /**
     * What the DPO filters by; every field null for no restriction.
     *
     * @param from earliest time, inclusive
     * @param to   latest time, exclusive
     */
    public record Filter(String staff, OfficeCode office, CitizenId citizenId, Instant from, Instant to,
                         AccessOutcome outcome, Boolean breakGlass) {

        public Filter {
            if (staff != null && !PSEUDONYM.matcher(staff).matches()) {
                throw new InvalidValueException("staff", "pseudonym", "staff must be a pseudonym such as P-0123456789ab");
            }
            if (from != null && to != null && !from.isBefore(to)) {
                throw new InvalidValueException("to", "after-from", "to must be later than from");
            }
        }

        public static Filter none() {
            return new Filter(null, null, null, null, null, null, null);
        }
    }

    /**
     * One entry as the DPO sees it: the staff member as a pseudonym, no free-text reason; the facts
     * of the decision where they were recorded (null for older entries).
     */
    public record Entry(UUID accessId, Instant at, CitizenId citizenId, String staff, Role actorRole,
                        OfficeCode office, String purpose, String legalBasis, AccessOutcome outcome, String rule,
                        Set<DataCategory> categories, List<FileReference> fileReferences, boolean breakGlass,
                        boolean flagged, Channel channel, DecisionFacts facts, int attempts, Instant attemptedUntil,
                        String floodRules) {
    }

    /**
     * Matching entries, newest first (ties by access id), skipping {@code offset}.
     *
     * @throws InvalidValueException for an offset or limit out of range
     */
    public List<Entry> query(Filter filter, long offset, int limit) {
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
        return jdbc.query("SELECT * FROM dpo_access_log" + where
                + " ORDER BY accessed_at DESC, access_id DESC LIMIT ? OFFSET ?", (rs, i) -> entry(rs), args.toArray());
    }

    /** How many entries match. */
    public long count(Filter filter) {
        List<Object> args = new ArrayList<>();
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM dpo_access_log" + where(filter, args), Long.class,
                args.toArray());
        return count == null ? 0 : count;
    }

    /**
     * Hands every matching entry to {@code sink}, newest first, one row at a time (for an export),
     * at most {@code max} of them.
     */
    public void forEach(Filter filter, long max, Consumer<Entry> sink) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(max);
        jdbc.query("SELECT * FROM dpo_access_log" + where + " ORDER BY accessed_at DESC, access_id DESC LIMIT ?",
                rs -> {
                    sink.accept(entry(rs));
                }, args.toArray());
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
        if (f.citizenId() != null) {
            sql.append(" AND citizen_id = ?");
            args.add(f.citizenId().toString());
        }
        if (f.from() != null) {
            sql.append(" AND accessed_at >= ?");
            args.add(utc(f.from()));
        }
        if (f.to() != null) {
            sql.append(" AND accessed_at < ?");
            args.add(utc(f.to()));
        }
        if (f.outcome() != null) {
            sql.append(" AND outcome = ?");
            args.add(f.outcome().name());
        }
        if (f.breakGlass() != null) {
            sql.append(" AND break_glass = ?");
            args.add(f.breakGlass());
        }
        return sql.toString();
    }

    /** One row of {@code dpo_access_log} as an entry. */
    public static Entry entry(ResultSet rs) throws SQLException {
        String office = rs.getString("office");
        OffsetDateTime attemptedUntil = rs.getObject("attempted_until", OffsetDateTime.class);
        EnumSet<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        split(rs.getString("categories")).forEach(c -> categories.add(DataCategory.valueOf(c)));
        return new Entry(UUID.fromString(rs.getString("access_id")),
                rs.getObject("accessed_at", OffsetDateTime.class).toInstant(), CitizenId.of(rs.getString("citizen_id")),
                rs.getString("staff_pseudonym"), Role.valueOf(rs.getString("actor_role")),
                office == null ? null : new OfficeCode(office), rs.getString("purpose"), rs.getString("legal_basis"),
                AccessOutcome.valueOf(rs.getString("outcome")), rs.getString("decision_rule"),
                Collections.unmodifiableSet(categories),
                split(rs.getString("file_references")).stream().map(FileReference::parse).toList(),
                rs.getBoolean("break_glass"), rs.getBoolean("flagged"), Channel.valueOf(rs.getString("channel")),
                facts(rs), rs.getInt("attempts"), attemptedUntil == null ? null : attemptedUntil.toInstant(),
                rs.getString("flood_rules"));
    }

    private static DecisionFacts facts(ResultSet rs) throws SQLException {
        String block = rs.getString("information_block");
        if (block == null) {
            return null;
        }
        return new DecisionFacts(split(rs.getString("case_context")).stream().map(FileReference::parse).toList(),
                rs.getBoolean("strictly_confidential"), InformationBlock.valueOf(block));
    }

    private static String joined(Collection<?> values) {
        return values == null ? "" : values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
