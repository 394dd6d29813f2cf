package de.eakte.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The bench's own PostgreSQL database on the given server: created fresh, dropped at the end. */
final class Database implements AutoCloseable {

    final String serverUrl;
    final String name;
    final String user;
    final String password;
    private final boolean keep;

    private Database(String serverUrl, String name, String user, String password, boolean keep) {
        this.serverUrl = serverUrl;
        this.name = name;
        this.user = user;
        this.password = password;
        this.keep = keep;
    }

    static Database create(Options o) throws SQLException {
        String server = o.db().endsWith("/") ? o.db() : o.db() + "/";
        String name = "eakte_bench_" + Long.toString(System.currentTimeMillis(), 36) + "_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(server + "postgres", o.dbUser(), o.dbPassword());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return new Database(server, name, o.dbUser(), o.dbPassword(), o.keepDb());
    }

    /** A database kept by an earlier run ({@code --reuse}): never dropped. */
    static Database existing(Options o, String name) {
        String server = o.db().endsWith("/") ? o.db() : o.db() + "/";
        return new Database(server, name, o.dbUser(), o.dbPassword(), true);
    }

    String url() {
        return serverUrl + name;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Access entries in the event store (one {@code AccessRecorded} event per recorded read). */
    long accessEntries() throws SQLException {
        return count("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%AccessRecorded'");
    }

    /**
     * Statistics for every table. PostgreSQL with autovacuum off (as this machine kind's CI
     * configuration has it) never collects them, and a table that grew from empty is then planned as
     * if it were tiny: the search's row look-up ran 0.5 s a batch at 160,000 cases (live search
     * processor ~350 events/s; ~3,000 right after an ANALYZE).
     */
    void analyze() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
    }

    long events() throws SQLException {
        return count("SELECT count(*) FROM domain_event_entry");
    }

    @Override
    public void close() throws SQLException {
        if (keep) {
            System.out.println("kept database " + name);
            return;
        }
        try (Connection c = DriverManager.getConnection(serverUrl + "postgres", user, password);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
