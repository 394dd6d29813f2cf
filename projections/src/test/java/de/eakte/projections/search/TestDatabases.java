package de.eakte.projections.search;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The two databases the search must run on, each fresh and migrated with the module's own
 * migrations: an in-memory H2 (the embedded default's engine) and a new database on the local
 * PostgreSQL (EAKTE_IT_PG_URL, EAKTE_IT_PG_USER, EAKTE_IT_PG_PASSWORD as for the api's ITs),
 * dropped when the JVM ends.
 */
final class TestDatabases {

    static final String PG_ADMIN_URL = env("EAKTE_IT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    static final String PG_USER = env("EAKTE_IT_PG_USER", "postgres");
    static final String PG_PASSWORD = env("EAKTE_IT_PG_PASSWORD", "");

    private TestDatabases() {
    }

    static DataSource of(String engine) {
        return "postgresql".equals(engine) ? postgres() : h2();
    }

    static DataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:search-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return migrated(dataSource);
    }

    static DataSource postgres() {
        String name = "eakte_search_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException ignored) {
                // the server may be gone already; a leftover test database is harmless
            }
        }));
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(PG_ADMIN_URL.substring(0, PG_ADMIN_URL.lastIndexOf('/') + 1) + name);
        dataSource.setUser(PG_USER);
        dataSource.setPassword(PG_PASSWORD);
        dataSource.setReWriteBatchedInserts(true);
        return migrated(dataSource);
    }

    private static DataSource migrated(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/projections").load().migrate();
        return dataSource;
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, PG_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + PG_ADMIN_URL + " is needed for the search tests "
                    + "(start it with: pg_ctlcluster --skip-systemctl-redirect 15 main start): " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
