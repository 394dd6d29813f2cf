package de.eakte.projections.retention;

import de.eakte.core.cases.FileReference;
import de.eakte.core.catalogue.DisposalKind;
import de.eakte.core.retention.CaseDestroyed;
import de.eakte.core.retention.CaseDisposalSkipped;
import de.eakte.core.retention.CaseListedForAppraisal;
import de.eakte.core.retention.CaseMarkedForArchive;
import de.eakte.core.retention.DisposalCandidate;
import de.eakte.core.retention.DisposalListApproved;
import de.eakte.core.retention.DisposalListConfirmed;
import de.eakte.core.retention.DisposalListDrawnUp;
import de.eakte.core.retention.DisposalListId;
import de.eakte.core.retention.DisposalListStatus;
import de.eakte.core.retention.DrawUpTrigger;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.OfficeCode;
import de.eakte.projections.search.Generations;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

/** Disposal lists as records management reviews them; each case's outcome once a list is approved. */
@ProcessingGroup(DisposalListProjection.PROCESSING_GROUP)
public class DisposalListProjection {

    public static final String PROCESSING_GROUP = "disposal-lists";

    /** What became of a case on an approved list. */
    public enum Outcome { DESTROYED, APPRAISAL, ARCHIVE, SKIPPED }

    private final JdbcTemplate jdbc;
    private final IntSupplier generation;

    /** The live model: writes into the generation that serves readers. */
    public DisposalListProjection(JdbcTemplate jdbc) {
        this(jdbc, new Generations(jdbc, PROCESSING_GROUP)::active);
    }

    /**
     * Writes into the generation the supplier names (docs/decisions/0007-blue-green-rebuild.md): the
     * active one for the live processor, a fixed new one for a rebuild. Reads go through the views of
     * the active generation ({@code disposal_list_view}, {@code disposal_list_case}).
     */
    public DisposalListProjection(JdbcTemplate jdbc, IntSupplier generation) {
        this.jdbc = jdbc;
        this.generation = generation;
    }

    /** The same handlers writing into one generation, for a rebuild beside the serving one. */
    public DisposalListProjection inGeneration(int fixed) {
        return new DisposalListProjection(jdbc, () -> fixed);
    }

    @EventHandler
    public void on(DisposalListDrawnUp event) {
        String id = event.listId().toString();
        int g = generation.getAsInt();
        jdbc.update("""
                INSERT INTO disposal_list_row (generation, list_id, status, trigger_kind, drawn_up_on, drawn_up_at,
                  case_count) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                g, id, DisposalListStatus.DRAWN_UP.name(), event.trigger().name(), Date.valueOf(event.drawnUpOn()),
                utc(event.drawnUpAt()), event.cases().size());
        List<Object[]> rows = new ArrayList<>();
        int line = 0;
        for (DisposalCandidate c : event.cases()) {
            rows.add(new Object[]{g, id, c.caseId().toString(), ++line, c.citizenId().toString(),
                    c.fileReference().toString(), c.office().value(), c.disposal().name(),
                    Date.valueOf(c.retentionEndsOn())});
        }
        jdbc.batchUpdate("""
                INSERT INTO disposal_list_case_row (generation, list_id, case_id, line_no, citizen_id, file_reference,
                  office, disposal, retention_ends_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    @EventHandler
    public void on(DisposalListConfirmed event) {
        jdbc.update("UPDATE disposal_list_row SET status = ?, confirmed_at = ? WHERE generation = ? AND list_id = ?",
                DisposalListStatus.CONFIRMED.name(), utc(event.confirmedAt()), generation.getAsInt(),
                event.listId().toString());
    }

    @EventHandler
    public void on(DisposalListApproved event) {
        jdbc.update("UPDATE disposal_list_row SET status = ?, approved_at = ? WHERE generation = ? AND list_id = ?",
                DisposalListStatus.APPROVED.name(), utc(event.approvedAt()), generation.getAsInt(),
                event.listId().toString());
    }

    @EventHandler
    public void on(CaseDestroyed event) {
        decide(event.listId(), event.caseId(), Outcome.DESTROYED, null, event.destroyedKeys().size(), event.destroyedAt());
    }

    @EventHandler
    public void on(CaseListedForAppraisal event) {
        decide(event.listId(), event.caseId(), Outcome.APPRAISAL, null, null, event.listedAt());
    }

    @EventHandler
    public void on(CaseMarkedForArchive event) {
        decide(event.listId(), event.caseId(), Outcome.ARCHIVE, null, null, event.markedAt());
    }

    @EventHandler
    public void on(CaseDisposalSkipped event) {
        decide(event.listId(), event.caseId(), Outcome.SKIPPED, event.reason().name(), null, event.skippedAt());
    }

    @ResetHandler
    public void reset() {
        clear(generation.getAsInt());
    }

    /** Empties one generation (before a rebuild fills it, or once it no longer serves). */
    public void clear(int g) {
        jdbc.update("DELETE FROM disposal_list_case_row WHERE generation = ?", g);
        jdbc.update("DELETE FROM disposal_list_row WHERE generation = ?", g);
    }

    private void decide(DisposalListId list, CaseId caseId, Outcome outcome, String reason, Integer keys, Instant at) {
        jdbc.update("""
                UPDATE disposal_list_case_row SET outcome = ?, skip_reason = ?, destroyed_keys = ?, decided_at = ?
                WHERE generation = ? AND list_id = ? AND case_id = ?""",
                outcome.name(), reason, keys, utc(at), generation.getAsInt(), list.toString(), caseId.toString());
    }

    // ---- queries --------------------------------------------------------------------------------

    /** One list as a row. */
    public record ListRow(long position, DisposalListId listId, DisposalListStatus status, DrawUpTrigger trigger,
                          LocalDate drawnUpOn, Instant drawnUpAt, Instant confirmedAt, Instant approvedAt,
                          int caseCount) {
    }

    /** One case of a list with its outcome (null until the list is approved). */
    public record CaseRow(CaseId caseId, CitizenId citizenId, FileReference fileReference, OfficeCode office,
                          DisposalKind disposal, LocalDate retentionEndsOn, Outcome outcome, String skipReason,
                          Integer destroyedKeys, Instant decidedAt) {
    }

    /** Lists newest first, optionally of one status, before the cursor position; at most {@code limit}. */
    public List<ListRow> lists(DisposalListStatus status, Long before, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT * FROM disposal_list_view WHERE 1 = 1");
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status.name());
        }
        if (before != null) {
            sql.append(" AND list_position < ?");
            args.add(before);
        }
        sql.append(" ORDER BY list_position DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, i) -> listRow(rs), args.toArray());
    }

    public Optional<ListRow> list(DisposalListId listId) {
        return jdbc.query("SELECT * FROM disposal_list_view WHERE list_id = ?", (rs, i) -> listRow(rs),
                listId.toString()).stream().findFirst();
    }

    public List<CaseRow> cases(DisposalListId listId) {
        return jdbc.query("SELECT * FROM disposal_list_case WHERE list_id = ? ORDER BY line_no",
                (rs, i) -> new CaseRow(CaseId.of(rs.getString("case_id")), CitizenId.of(rs.getString("citizen_id")),
                        FileReference.parse(rs.getString("file_reference")), new OfficeCode(rs.getString("office")),
                        DisposalKind.valueOf(rs.getString("disposal")), rs.getDate("retention_ends_on").toLocalDate(),
                        rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")),
                        rs.getString("skip_reason"), (Integer) rs.getObject("destroyed_keys", Integer.class),
                        instant(rs, "decided_at")),
                listId.toString());
    }

    private static ListRow listRow(ResultSet rs) throws SQLException {
        return new ListRow(rs.getLong("list_position"), DisposalListId.of(rs.getString("list_id")),
                DisposalListStatus.valueOf(rs.getString("status")), DrawUpTrigger.valueOf(rs.getString("trigger_kind")),
                rs.getDate("drawn_up_on").toLocalDate(), instant(rs, "drawn_up_at"), instant(rs, "confirmed_at"),
                instant(rs, "approved_at"), rs.getInt("case_count"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
