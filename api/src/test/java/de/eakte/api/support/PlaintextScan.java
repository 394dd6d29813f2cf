package de.eakte.api.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads every row of every table of the application's schema and reports where any of the given
 * words appears in clear: text columns as they are, binary columns (event payloads, snapshots,
 * tokens) decoded as UTF-8 and Latin-1.
 */
public final class PlaintextScan {

    private PlaintextScan() {
    }

    /** "table.column: word" for every finding; empty when nothing is left. */
    public static List<String> findings(JdbcTemplate jdbc, String schema, List<String> words) {
        List<String> tables = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = ? AND table_type IN ('BASE TABLE', 'TABLE')""", String.class, schema);
        if (tables.isEmpty()) {
            throw new AssertionError("no tables found in schema " + schema);
        }
        List<String> found = new ArrayList<>();
        for (String table : tables) {
            jdbc.query("SELECT * FROM \"" + schema + "\".\"" + table + "\"", rs -> {
                ResultSetMetaData meta = rs.getMetaData();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    Object value = rs.getObject(c);
                    String text = value instanceof byte[] bytes
                            ? new String(bytes, StandardCharsets.UTF_8) + new String(bytes, StandardCharsets.ISO_8859_1)
                            : String.valueOf(value);
                    String lower = text.toLowerCase(Locale.ROOT);
                    for (String word : words) {
                        if (lower.contains(word.toLowerCase(Locale.ROOT))) {
                            found.add(table + "." + meta.getColumnName(c) + ": " + word);
                        }
                    }
                }
            });
        }
        return found;
    }

    /** Whether the raw bytes of a file hold any of the words (UTF-8), e.g. an H2 database file. */
    public static List<String> findingsInFile(byte[] content, List<String> words) {
        String text = new String(content, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        for (String word : words) {
            String utf8AsLatin1 = new String(word.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8),
                    StandardCharsets.ISO_8859_1);
            if (text.contains(utf8AsLatin1)) {
                found.add(word);
            }
        }
        return found;
    }
}
