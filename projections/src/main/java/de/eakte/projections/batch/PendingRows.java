package de.eakte.projections.batch;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import javax.sql.DataSource;
import java.sql.PreparedStatement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The rows of one generational table (primary key: generation and one id column; a {@code version}
 * column with the aggregate version applied) as one unit of work sees them: each row it touched
 * with its version, the values it set and, if the unit of work inserted it, all of them.
 *
 * <p>A handler's guarded update ({@code ... WHERE version < ?}) is decided here, against the version
 * the row has after everything before it in the unit of work, exactly as the statement would have
 * decided it; at the end one {@code INSERT} batch per column list and one {@code UPDATE} batch per
 * set of changed columns go out, the updates still guarded by {@code version < ?}. Rows not yet seen
 * are looked up by their ids, all of a unit of work's at once ({@link #load}), else one by one.
 */
public final class PendingRows {

    private final JdbcTemplate jdbc;
    private final String table;
    private final String idColumn;
    private final int generation;
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Set<String> absent = new HashSet<>();

    public PendingRows(JdbcTemplate jdbc, String table, String idColumn, int generation) {
        this.jdbc = jdbc;
        this.table = table;
        this.idColumn = idColumn;
        this.generation = generation;
    }

    /** One row: inserted by this unit of work (all values held) or already there (changed values held). */
    public static final class Row {
        private final boolean inserted;
        private final long loadedVersion;
        private long version;
        private final Map<String, Object> values = new LinkedHashMap<>();
        private final Map<String, Integer> increments = new LinkedHashMap<>();

        private Row(boolean inserted, long version) {
            this.inserted = inserted;
            this.loadedVersion = version;
            this.version = version;
        }

        public Row set(String column, Object value) {
            values.put(column, value);
            return this;
        }

        /** {@code column = column + 1}. */
        public Row increment(String column) {
            if (inserted) {
                values.put(column, ((Number) values.get(column)).intValue() + 1);
            } else {
                increments.merge(column, 1, Integer::sum);
            }
            return this;
        }

        public long version() {
            return version;
        }

        private boolean changed() {
            return inserted || version != loadedVersion || !values.isEmpty() || !increments.isEmpty();
        }
    }

    /**
     * Looks up the rows of these ids not yet seen, in one statement per 500. Each database gets the
     * form its planner turns into primary-key look-ups (measured, 200 ids, 15,000 rows in the
     * generation): H2 a list of row values {@code (generation, id) IN ((?, ?), ...)} (1.7 ms; {@code
     * generation = ? AND id IN (...)} and {@code ANY} scan the generation, 40-50 ms; on PostgreSQL
     * such a list took 56 ms).
     * <p>
     * On PostgreSQL the ids are joined as {@code (generation, id) IN (SELECT (SELECT ?), UNNEST(?))},
     * which the planner runs as one primary-key probe per id whatever the statistics say, with the
     * generation as {@code (SELECT ?)}, a value it does not plan by. Given the value and
     * {@code id = ANY(?)}, it plans by the statistics, and those can be wrong in two ways measured
     * in scenario f of docs/BENCHMARKS.md: gathered before a rebuild's new generation grew, they
     * put it at one row, and the look-up read the whole generation through another index starting
     * with {@code generation} (509 ms per 200 ids at 150,000 cases instead of 6 ms); never gathered
     * (autovacuum off, a table grown from empty), it read the generation through a bitmap of the
     * file-reference index (72 ms at 87,000 cases, against 1.6 ms in this form).
     */
    public void load(Collection<String> ids) {
        List<String> unknown = new ArrayList<>(new LinkedHashSet<>(ids));
        unknown.removeIf(id -> rows.containsKey(id) || absent.contains(id));
        boolean postgres = isPostgres();
        for (int from = 0; from < unknown.size(); from += 500) {
            List<String> chunk = unknown.subList(from, Math.min(unknown.size(), from + 500));
            Set<String> found = new HashSet<>();
            RowCallbackHandler row = rs -> {
                found.add(rs.getString(1));
                rows.put(rs.getString(1), new Row(false, rs.getLong(2)));
            };
            String select = "SELECT " + idColumn + ", version FROM " + table + " WHERE ";
            if (postgres) {
                jdbc.query(c -> {
                    PreparedStatement s = c.prepareStatement(select + "(generation, " + idColumn
                            + ") IN (SELECT (SELECT ?), UNNEST(?))");
                    s.setInt(1, generation);
                    s.setArray(2, c.createArrayOf("varchar", chunk.toArray()));
                    return s;
                }, row);
            } else {
                List<Object> args = new ArrayList<>(chunk.size() * 2);
                for (String id : chunk) {
                    args.add(generation);
                    args.add(id);
                }
                jdbc.query(select + "(generation, " + idColumn + ") IN ("
                        + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?)")) + ")", row, args.toArray());
            }
            for (String id : chunk) {
                if (!found.contains(id)) {
                    absent.add(id);
                }
            }
        }
    }

    /** Which data sources are PostgreSQL, asked once per data source. */
    private static final Map<DataSource, Boolean> POSTGRES = Collections.synchronizedMap(new WeakHashMap<>());

    private boolean isPostgres() {
        return isPostgres(jdbc);
    }

    /** Whether the template's database is PostgreSQL (asked once per data source; false without one). */
    public static boolean isPostgres(JdbcTemplate jdbc) {
        DataSource dataSource = jdbc.getDataSource();
        if (dataSource == null) {
            return false;
        }
        return POSTGRES.computeIfAbsent(dataSource, d -> Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) c ->
                c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres"))));
    }

    /** The row as this unit of work sees it, or null if there is none. */
    public Row find(String id) {
        if (!rows.containsKey(id) && !absent.contains(id)) {
            load(List.of(id));
        }
        return rows.get(id);
    }

    /**
     * The guarded update: the row, now at {@code version}, if it exists and had not reached that
     * version ({@code WHERE id = ? AND version < ?} matched); null if the update would have matched
     * nothing.
     */
    public Row advance(String id, long version) {
        Row row = find(id);
        if (row == null || row.version >= version) {
            return null;
        }
        row.version = version;
        return row;
    }

    /** A new row; a row already there is a duplicate key, as the {@code INSERT} would have said. */
    public Row insert(String id, long version) {
        if (find(id) != null) {
            throw new DuplicateKeyException(table + " already has " + id + " in generation " + generation);
        }
        absent.remove(id);
        Row row = new Row(true, version);
        rows.put(id, row);
        return row;
    }

    /** Writes the inserted and changed rows, then forgets every row. */
    public void flush() {
        String generationIs = isPostgres() ? "(SELECT ?)" : "?"; // the generation as in load
        Map<String, List<Object[]>> statements = new LinkedHashMap<>();
        for (Map.Entry<String, Row> e : rows.entrySet()) {
            Row row = e.getValue();
            if (!row.changed()) {
                continue;
            }
            List<Object> args = new ArrayList<>();
            String sql;
            if (row.inserted) {
                List<String> columns = new ArrayList<>(List.of("generation", idColumn));
                columns.addAll(row.values.keySet());
                columns.add("version");
                args.add(generation);
                args.add(e.getKey());
                args.addAll(row.values.values());
                args.add(row.version);
                sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                        + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
            } else {
                List<String> set = new ArrayList<>();
                row.values.forEach((column, value) -> {
                    set.add(column + " = ?");
                    args.add(value);
                });
                row.increments.forEach((column, by) -> {
                    set.add(column + " = " + column + " + ?");
                    args.add(by);
                });
                set.add("version = ?");
                args.add(row.version);
                args.add(generation);
                args.add(e.getKey());
                args.add(row.version);
                // with stale statistics a plain "generation = ?" took 236 ms instead of 0.07 ms per row (measured)
                sql = "UPDATE " + table + " SET " + String.join(", ", set) + " WHERE generation = " + generationIs
                        + " AND " + idColumn + " = ? AND version < ?";
            }
            statements.computeIfAbsent(sql, s -> new ArrayList<>()).add(args.toArray());
        }
        statements.forEach(jdbc::batchUpdate);
        forget();
    }

    /** Forgets every row without writing (after a flush, or after statements that changed rows behind its back). */
    public void forget() {
        rows.clear();
        absent.clear();
    }
}
