package de.eakte.audit.log;

import de.eakte.core.access.AccessDenialsAggregated;
import de.eakte.core.access.AccessFields;
import de.eakte.core.access.AccessLogKeysDestroyed;
import de.eakte.core.access.AccessOutcome;
import de.eakte.core.access.AccessRecorded;
import de.eakte.core.access.Channel;
import de.eakte.core.access.DataCategory;
import de.eakte.core.cases.FileReference;
import de.eakte.core.crypto.FieldSealer;
import de.eakte.core.crypto.KeyId;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.InvalidValueException;
import de.eakte.core.shared.OfficeCode;
import de.eakte.core.shared.Role;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

/**
 * The citizen's access log: every recorded access to a citizen's data by someone other than the
 * citizen, with time, office, purpose, legal basis, data categories, outcome and a reference
 * number, paged newest first. The individual staff member is not kept: the citizen is owed dates
 * and purposes, not the employee (CJEU C-579/21); the DPO's log is another read model.
 */
@ProcessingGroup(CitizenAccessLogProjection.PROCESSING_GROUP)
public class CitizenAccessLogProjection {

    public static final String PROCESSING_GROUP = "citizen-access-log";
    public static final int MAX_LIMIT = 100;

    /** The rule an entry standing for a flood of denials shows; the rules themselves are in the event. */
    public static final String DENIAL_FLOOD_RULE = "denial-flood";

    private static final String REFERENCE_PREFIX = "ZP-";
    private static final int MAX_CURSOR_LENGTH = 200;

    private final JdbcTemplate jdbc;
    private final FieldSealer sealer;
    private final IntSupplier generation;

    /** The live model: writes into the generation that serves readers. */
    public CitizenAccessLogProjection(JdbcTemplate jdbc, FieldSealer sealer) {
        this(jdbc, sealer, ActiveGeneration.of(jdbc, PROCESSING_GROUP));
    }

    /**
     * Writes into the generation the supplier names (docs/decisions/0007-blue-green-rebuild.md): the
     * active one for the live processor, a fixed new one for a rebuild. Reads go through the view
     * of the active generation ({@code citizen_access_log}).
     */
    public CitizenAccessLogProjection(JdbcTemplate jdbc, FieldSealer sealer, IntSupplier generation) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.generation = generation;
    }

    /** The same handlers writing into one generation, for a rebuild beside the serving one. */
    public CitizenAccessLogProjection inGeneration(int fixed) {
        return new CitizenAccessLogProjection(jdbc, sealer, () -> fixed);
    }

    /** As the processor calls it; the event id and chain number come from the stored event. */
    @EventHandler
    public void on(AccessRecorded event, @MessageIdentifier String eventId, @SequenceNumber Long chainSequence) {
        // a citizen reading their own file discloses nothing to anyone (GDPR Art. 4(9)); listing it
        // would fill their log with their own clicks
        if (event.actorRole() == Role.CITIZEN) {
            return;
        }
        // the period's retention ended and its key is gone: the entry has left the log (also on replay)
        if (sealer.open(event.actorSubject(), event.accessId().toString(), AccessFields.ACTOR_SUBJECT).isRedacted()) {
            return;
        }
        // a tracking processor may hand an event again after a lost claim: keep the entry once
        int g = generation.getAsInt();
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM citizen_access_row WHERE generation = ? AND access_id = ?",
                Integer.class, g, event.accessId().toString());
        if (known != null && known > 0) {
            return;
        }
        jdbc.update("""
                INSERT INTO citizen_access_row (generation, access_id, reference_number, citizen_id, accessed_at, office,
                  actor_role, purpose, legal_basis, categories, outcome, decision_rule, break_glass, flagged, channel,
                  file_references, sealed_key, event_id, chain_sequence, previous_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                g, event.accessId().toString(), referenceNumber(event.accessId()), event.citizenId().toString(),
                event.at().atOffset(ZoneOffset.UTC), event.actorOffice() == null ? null : event.actorOffice().value(),
                event.actorRole().name(), event.purpose(), event.legalBasis(), joined(event.categories()),
                event.outcome().name(), event.rule(),
                event.outcome() == AccessOutcome.BREAK_GLASS || event.breakGlass() != null, event.flagged(),
                event.channel().name(), joined(event.fileReferences()), event.sealedWith().value(), eventId,
                chainSequence, event.previousHash());
    }

    /**
     * A caller's denials past the flood threshold in one window, for this citizen: one entry that
     * says how many attempts it stands for and until when (docs/decisions/0008-denial-floods.md).
     */
    @EventHandler
    public void on(AccessDenialsAggregated event, @MessageIdentifier String eventId,
                   @SequenceNumber Long chainSequence) {
        if (event.actorRole() == Role.CITIZEN) {
            return;
        }
        if (sealer.open(event.actorSubject(), event.entryId().toString(), AccessFields.DENIALS_ACTOR_SUBJECT)
                .isRedacted()) {
            return;
        }
        int g = generation.getAsInt();
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM citizen_access_row WHERE generation = ? AND access_id = ?",
                Integer.class, g, event.entryId().toString());
        if (known != null && known > 0) {
            return;
        }
        jdbc.update("""
                INSERT INTO citizen_access_row (generation, access_id, reference_number, citizen_id, accessed_at, office,
                  actor_role, purpose, legal_basis, categories, outcome, decision_rule, break_glass, flagged, channel,
                  file_references, sealed_key, event_id, chain_sequence, previous_hash, attempts, attempted_until)
                VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, '', ?, ?, FALSE, FALSE, ?, '', ?, ?, ?, ?, ?, ?)""",
                g, event.entryId().toString(), referenceNumber(event.entryId()), event.citizenId().toString(),
                event.from().atOffset(ZoneOffset.UTC), event.actorOffice() == null ? null : event.actorOffice().value(),
                event.actorRole().name(), AccessOutcome.DENIED.name(), DENIAL_FLOOD_RULE,
                event.channels().iterator().next().name(), event.sealedWith().value(), eventId, chainSequence,
                event.previousHash(), event.attempts(), event.until().atOffset(ZoneOffset.UTC));
    }

    /** For callers outside a processor: the access id is the event id (the recorder stores it so). */
    public void on(AccessRecorded event) {
        on(event, event.accessId().toString(), null);
    }

    /**
     * Entries whose period keys were destroyed leave the log, in <b>every</b> generation: a rebuild
     * that read an entry before its key was destroyed must not keep it until it reaches this event.
     */
    @EventHandler
    public void on(AccessLogKeysDestroyed event) {
        for (KeyId key : event.keys()) {
            jdbc.update("DELETE FROM citizen_access_row WHERE sealed_key = ?", key.value());
        }
    }

    @ResetHandler
    public void reset() {
        clear(generation.getAsInt());
    }

    /** Empties one generation (before a rebuild fills it, or once it no longer serves). */
    public void clear(int g) {
        jdbc.update("DELETE FROM citizen_access_row WHERE generation = ?", g);
    }

    // ---- queries --------------------------------------------------------------------------------

    /**
     * One page of a citizen's log, newest first.
     *
     * @param from   earliest time, inclusive; null for no lower bound
     * @param to     latest time, exclusive; null for no upper bound
     * @param office only accesses by this office; null for all
     * @param cursor the {@link Page#nextCursor()} of the previous page; null for the first page
     * @param limit  entries per page, 1 to {@value #MAX_LIMIT}
     * @throws InvalidValueException for a limit out of range, a period that ends before it starts,
     *                               or a cursor this model did not hand out
     */
    public Page page(CitizenId citizenId, Instant from, Instant to, OfficeCode office, String cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "range", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidValueException("to", "after-from", "to must be later than from");
        }
        Cursor after = cursor == null ? null : Cursor.decode(cursor);
        StringBuilder sql = new StringBuilder("SELECT * FROM citizen_access_log WHERE citizen_id = ?");
        List<Object> args = new ArrayList<>(List.of(citizenId.toString()));
        if (from != null) {
            sql.append(" AND accessed_at >= ?");
            args.add(utc(from));
        }
        if (to != null) {
            sql.append(" AND accessed_at < ?");
            args.add(utc(to));
        }
        if (office != null) {
            sql.append(" AND office = ?");
            args.add(office.value());
        }
        if (after != null) {
            // keyset paging: strictly after the last entry shown, in (accessed_at, access_id) order
            sql.append(" AND (accessed_at < ? OR (accessed_at = ? AND access_id < ?))");
            args.addAll(List.of(utc(after.at()), utc(after.at()), after.accessId()));
        }
        sql.append(" ORDER BY accessed_at DESC, access_id DESC LIMIT ?");
        args.add(limit + 1);
        List<Entry> found = jdbc.query(sql.toString(), (rs, i) -> entry(rs), args.toArray());
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        List<Entry> shown = found.subList(0, limit);
        Entry last = shown.get(limit - 1);
        return new Page(List.copyOf(shown), new Cursor(last.at(), last.accessId().toString()).encode());
    }

    /**
     * How many entries a citizen's log holds in a period (for an offset-paged view such as the
     * Data Tracker's {@code totalUsages}).
     *
     * @param from earliest time, inclusive; null for no lower bound
     * @param to   latest time, exclusive; null for no upper bound
     */
    public long count(CitizenId citizenId, Instant from, Instant to) {
        List<Object> args = new ArrayList<>(List.of(citizenId.toString()));
        String where = period(from, to, args);
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM citizen_access_log WHERE citizen_id = ?" + where,
                Long.class, args.toArray());
        return count == null ? 0 : count;
    }

    /**
     * Entries of a citizen's log in a period, newest first, skipping {@code offset} of them: the
     * offset paging of the Data Tracker. Ties in time are ordered by access id, so pages neither
     * repeat nor skip an entry while the period's content stays the same.
     *
     * @param from   earliest time, inclusive; null for no lower bound
     * @param to     latest time, exclusive; null for no upper bound
     * @param offset entries to skip, 0 or more
     * @param limit  entries to return, 1 to {@value #MAX_LIMIT}
     * @throws InvalidValueException for an offset or limit out of range or a period that ends before it starts
     */
    public List<Entry> usages(CitizenId citizenId, Instant from, Instant to, long offset, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "range", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new InvalidValueException("offset", "range", "offset must be 0 or more");
        }
        List<Object> args = new ArrayList<>(List.of(citizenId.toString()));
        String where = period(from, to, args);
        args.add(limit);
        args.add(offset);
        return jdbc.query("SELECT * FROM citizen_access_log WHERE citizen_id = ?" + where
                + " ORDER BY accessed_at DESC, access_id DESC LIMIT ? OFFSET ?", (rs, i) -> entry(rs), args.toArray());
    }

    /** The time of a citizen's earliest and latest entry; both null when the log is empty. */
    public Period period(CitizenId citizenId) {
        return jdbc.queryForObject(
                "SELECT MIN(accessed_at) AS earliest, MAX(accessed_at) AS latest FROM citizen_access_log WHERE citizen_id = ?",
                (rs, i) -> new Period(instant(rs, "earliest"), instant(rs, "latest")), citizenId.toString());
    }

    /** The earliest and latest access time in a citizen's log; nulls when it is empty. */
    public record Period(Instant earliest, Instant latest) {
    }

    /** The accesses a reference number stands for (normally one), for the DPO to look up. */
    public List<UUID> accessIds(String referenceNumber) {
        return jdbc.queryForList("SELECT access_id FROM citizen_access_log WHERE reference_number = ?",
                String.class, referenceNumber.strip().toUpperCase(Locale.ROOT)).stream().map(UUID::fromString).toList();
    }

    /**
     * The short form of an access id a citizen can quote to the DPO: {@code ZP-} (Zugriffsprotokoll)
     * and the first 10 hex digits of the id in upper case. 40 bits make a clash within one citizen's
     * log practically impossible; the DPO resolves it with {@link #accessIds}.
     */
    public static String referenceNumber(UUID accessId) {
        return REFERENCE_PREFIX + accessId.toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
    }

    /** One entry as the citizen may see it: no staff member, no free-text reason. */
    public record Entry(UUID accessId, String referenceNumber, Instant at, OfficeCode office, Role actorRole,
                        String purpose, String legalBasis, Set<DataCategory> categories, AccessOutcome outcome,
                        String rule, boolean breakGlass, boolean flagged, Channel channel,
                        List<FileReference> fileReferences, String eventId, Long chainSequence, String previousHash,
                        int attempts, Instant attemptedUntil) {
    }

    /** The citizen's entry with this reference number, if it is theirs (for its ledger proof). */
    public Optional<Entry> entry(CitizenId citizenId, String referenceNumber) {
        return jdbc.query("SELECT * FROM citizen_access_log WHERE citizen_id = ? AND reference_number = ? "
                        + "ORDER BY accessed_at DESC", (rs, i) -> entry(rs), citizenId.toString(),
                referenceNumber.strip().toUpperCase(Locale.ROOT)).stream().findFirst();
    }

    /** A page of entries, newest first; {@code nextCursor} is null on the last page. */
    public record Page(List<Entry> entries, String nextCursor) {
    }

    /** Where a page ended; handed out opaque (base64url), so clients do not build their own. */
    private record Cursor(Instant at, String accessId) {

        private static final String SEPARATOR = "|";

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((at + SEPARATOR + accessId).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            try {
                if (text.length() > MAX_CURSOR_LENGTH) {
                    throw new IllegalArgumentException("too long");
                }
                String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
                int split = plain.indexOf(SEPARATOR);
                Instant at = Instant.parse(plain.substring(0, split));
                String accessId = plain.substring(split + 1);
                if (!UUID.fromString(accessId).toString().equals(accessId)) {
                    throw new IllegalArgumentException("not a canonical id");
                }
                return new Cursor(at, accessId);
            } catch (IllegalArgumentException | IndexOutOfBoundsException | DateTimeParseException e) {
                throw new InvalidValueException("cursor", "cursor",
                        "cursor must be the nextCursor of a previous page; start again without it");
            }
        }
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        String office = rs.getString("office");
        String categories = rs.getString("categories");
        String references = rs.getString("file_references");
        EnumSet<DataCategory> parsed = EnumSet.noneOf(DataCategory.class);
        split(categories).forEach(c -> parsed.add(DataCategory.valueOf(c)));
        return new Entry(UUID.fromString(rs.getString("access_id")), rs.getString("reference_number"),
                rs.getObject("accessed_at", OffsetDateTime.class).toInstant(),
                office == null ? null : new OfficeCode(office), Role.valueOf(rs.getString("actor_role")),
                rs.getString("purpose"), rs.getString("legal_basis"), Collections.unmodifiableSet(parsed),
                AccessOutcome.valueOf(rs.getString("outcome")), rs.getString("decision_rule"),
                rs.getBoolean("break_glass"), rs.getBoolean("flagged"), Channel.valueOf(rs.getString("channel")),
                split(references).stream().map(FileReference::parse).toList(), rs.getString("event_id"),
                rs.getObject("chain_sequence") == null ? null : rs.getLong("chain_sequence"), rs.getString("previous_hash"),
                rs.getInt("attempts"), instant(rs, "attempted_until"));
    }

    /** The period condition for count and usages, adding its arguments. */
    private static String period(Instant from, Instant to, List<Object> args) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidValueException("to", "after-from", "to must not be earlier than from");
        }
        StringBuilder sql = new StringBuilder();
        if (from != null) {
            sql.append(" AND accessed_at >= ?");
            args.add(utc(from));
        }
        if (to != null) {
            sql.append(" AND accessed_at < ?");
            args.add(utc(to));
        }
        return sql.toString();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String joined(Collection<?> values) {
        return values == null ? "" : values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
