package de.eakte.audit.dpo;

import de.eakte.audit.log.ActiveGeneration;
import de.eakte.audit.log.DpoAccessLogProjection;
import de.eakte.core.access.reidentification.ReIdentificationApproved;
import de.eakte.core.access.reidentification.ReIdentificationRejected;
import de.eakte.core.access.reidentification.ReIdentificationRequested;
import de.eakte.core.access.reidentification.ReIdentificationRevealed;
import de.eakte.core.access.reidentification.ReIdentificationStatus;
import de.eakte.core.shared.InvalidValueException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The DPOs' list of re-identification requests ({@code dpo_re_identification}): pseudonym asked
 * about, reason, status, when, and the DPOs who asked and decided, as pseudonyms too (the same
 * HMAC as staff). It never holds the staff member behind a pseudonym.
 */
@ProcessingGroup(ReIdentificationProjection.PROCESSING_GROUP)
public class ReIdentificationProjection {

    public static final String PROCESSING_GROUP = "dpo-re-identifications";
    public static final int MAX_LIMIT = 200;
    private static final String ACTOR_SUBJECT = "actorSubject";

    private final JdbcTemplate jdbc;
    private final DpoAccessLogProjection pseudonyms;
    private final IntSupplier generation;

    /** The live model: writes into the generation that serves readers. */
    public ReIdentificationProjection(JdbcTemplate jdbc, DpoAccessLogProjection pseudonyms) {
        this(jdbc, pseudonyms, ActiveGeneration.of(jdbc, PROCESSING_GROUP));
    }

    /**
     * Writes into the generation the supplier names (docs/decisions/0007-blue-green-rebuild.md): the
     * active one for the live processor, a fixed new one for a rebuild. Reads go through the view of
     * the active generation ({@code dpo_re_identification}).
     */
    public ReIdentificationProjection(JdbcTemplate jdbc, DpoAccessLogProjection pseudonyms, IntSupplier generation) {
        this.jdbc = jdbc;
        this.pseudonyms = pseudonyms;
        this.generation = generation;
    }

    /** The same handlers writing into one generation, for a rebuild beside the serving one. */
    public ReIdentificationProjection inGeneration(int fixed) {
        return new ReIdentificationProjection(jdbc, pseudonyms, () -> fixed);
    }

    @EventHandler
    void on(ReIdentificationRequested event, @MetaDataValue(ACTOR_SUBJECT) String subject) {
        int g = generation.getAsInt();
        Integer known = jdbc.queryForObject(
                "SELECT COUNT(*) FROM dpo_re_identification_row WHERE generation = ? AND re_identification_id = ?",
                Integer.class, g, event.reIdentificationId().toString());
        if (known != null && known > 0) {
            return;
        }
        jdbc.update("""
                INSERT INTO dpo_re_identification_row (generation, re_identification_id, pseudonym, reason, status,
                  requested_at, requested_by, reveals) VALUES (?, ?, ?, ?, ?, ?, ?, 0)""",
                g, event.reIdentificationId().toString(), event.pseudonym(), event.reason(),
                ReIdentificationStatus.PENDING.name(), utc(event.requestedAt()), pseudonyms.pseudonym(subject));
    }

    @EventHandler
    void on(ReIdentificationApproved event, @MetaDataValue(ACTOR_SUBJECT) String subject) {
        decided(event.reIdentificationId().toString(), ReIdentificationStatus.APPROVED, event.approvedAt(), subject,
                event.note());
    }

    @EventHandler
    void on(ReIdentificationRejected event, @MetaDataValue(ACTOR_SUBJECT) String subject) {
        decided(event.reIdentificationId().toString(), ReIdentificationStatus.REJECTED, event.rejectedAt(), subject,
                event.reason());
    }

    @EventHandler
    void on(ReIdentificationRevealed event) {
        // a replayed reveal counts again only if the processor hands it twice; the event store is the record
        jdbc.update("""
                UPDATE dpo_re_identification_row SET reveals = reveals + 1, last_revealed_at = ?
                WHERE generation = ? AND re_identification_id = ? AND (last_revealed_at IS NULL OR last_revealed_at < ?)""",
                utc(event.revealedAt()), generation.getAsInt(), event.reIdentificationId().toString(),
                utc(event.revealedAt()));
    }

    @ResetHandler
    public void reset() {
        clear(generation.getAsInt());
    }

    /** Empties one generation (before a rebuild fills it, or once it no longer serves). */
    public void clear(int g) {
        jdbc.update("DELETE FROM dpo_re_identification_row WHERE generation = ?", g);
    }

    private void decided(String id, ReIdentificationStatus status, Instant at, String subject, String note) {
        jdbc.update("""
                UPDATE dpo_re_identification_row SET status = ?, decided_at = ?, decided_by = ?, decision_note = ?
                WHERE generation = ? AND re_identification_id = ?""",
                status.name(), utc(at), pseudonyms.pseudonym(subject), note, generation.getAsInt(), id);
    }

    /** One request as the DPOs see it; requester and decider as pseudonyms. */
    public record Row(String reIdentificationId, String pseudonym, String reason, ReIdentificationStatus status,
                      Instant requestedAt, String requestedBy, Instant decidedAt, String decidedBy,
                      String decisionNote, int reveals, Instant lastRevealedAt) {
    }

    /** Requests newest first, optionally of one status. */
    public List<Row> list(ReIdentificationStatus status, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "range", "limit must be between 1 and " + MAX_LIMIT);
        }
        List<Object> args = new ArrayList<>();
        String where = "";
        if (status != null) {
            where = " WHERE status = ?";
            args.add(status.name());
        }
        args.add(limit);
        return jdbc.query("SELECT * FROM dpo_re_identification" + where
                + " ORDER BY requested_at DESC, re_identification_id DESC LIMIT ?", (rs, i) -> row(rs), args.toArray());
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("re_identification_id"), rs.getString("pseudonym"), rs.getString("reason"),
                ReIdentificationStatus.valueOf(rs.getString("status")), instant(rs, "requested_at"),
                rs.getString("requested_by"), instant(rs, "decided_at"), rs.getString("decided_by"),
                rs.getString("decision_note"), rs.getInt("reveals"), instant(rs, "last_revealed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
