package de.eakte.api.catalogue;

import de.eakte.core.catalogue.changes.PurposeChangeStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * What the purpose, case-type and office change views have in common: the decision and opinion
 * columns, and the newest-first list. Each catalogue projection keeps its own proposal columns,
 * row type and table in force.
 */
final class ChangeViewTable {

    private final JdbcTemplate jdbc;
    private final String table;
    private final String rows;
    private final IntSupplier generation;

    /**
     * @param table      the view of the active generation, which the reads use
     * @param rows       the table with every generation, which the handlers write
     * @param generation the generation the handlers write (docs/decisions/0007-blue-green-rebuild.md)
     */
    ChangeViewTable(JdbcTemplate jdbc, String table, String rows, IntSupplier generation) {
        this.jdbc = jdbc;
        this.table = table;
        this.rows = rows;
        this.generation = generation;
    }

    void approved(String changeId, String approver, Instant at) {
        jdbc.update("UPDATE " + rows + " SET status = ?, decided_by = ?, decided_at = ? WHERE generation = ? AND change_id = ?",
                PurposeChangeStatus.APPROVED.name(), approver, utc(at), generation.getAsInt(), changeId);
    }

    void rejected(String changeId, String rejecter, Instant at, String reason) {
        jdbc.update("UPDATE " + rows + " SET status = ?, decided_by = ?, decided_at = ?, rejection_reason = ?"
                        + " WHERE generation = ? AND change_id = ?",
                PurposeChangeStatus.REJECTED.name(), rejecter, utc(at), reason, generation.getAsInt(), changeId);
    }

    void opinionAttached(String changeId, String dpo, Instant at, String opinion) {
        jdbc.update("UPDATE " + rows + " SET dpo_opinion = ?, dpo_opinion_by = ?, dpo_opinion_at = ?"
                        + " WHERE generation = ? AND change_id = ?",
                opinion, dpo, utc(at), generation.getAsInt(), changeId);
    }

    void clear(int g) {
        jdbc.update("DELETE FROM " + rows + " WHERE generation = ?", g);
    }

    /**
     * Changes newest first, optionally of one status, after a cursor (a list position from an
     * earlier page); at most {@code limit}.
     */
    <R> List<R> changes(PurposeChangeStatus status, Long before, int limit, RowMapper<R> row) {
        StringBuilder sql = new StringBuilder("SELECT * FROM " + table + " WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
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
        return jdbc.query(sql.toString(), row, args.toArray());
    }

    <R> Optional<R> change(String changeId, RowMapper<R> row) {
        return jdbc.query("SELECT * FROM " + table + " WHERE change_id = ?", row, changeId).stream().findFirst();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
