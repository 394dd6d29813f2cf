package de.eakte.api.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh PostgreSQL database for this test JVM, created on first use on the server named by
 * EAKTE_IT_PG_URL (default: the local server, database postgres, user postgres, trust auth) and
 * dropped when the JVM ends. CI may name the database itself with EAKTE_IT_PG_DATABASE.
 */
public final class PostgresDatabase {

    private static final String ADMIN_URL = env("EAKTE_IT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = env("EAKTE_IT_PG_USER", "postgres");
    private static final String PASSWORD = env("EAKTE_IT_PG_PASSWORD", "");
    private static String url;

    private PostgresDatabase() {
    }

    public static synchronized String url() {
        if (url == null) {
            String name = System.getenv("EAKTE_IT_PG_DATABASE");
            boolean own = name == null || name.isBlank();
            if (own) {
                name = "eakte_it_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "_"
                        + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
                execute("CREATE DATABASE " + name);
                String dropped = name;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        execute("DROP DATABASE IF EXISTS " + dropped + " WITH (FORCE)");
                    } catch (RuntimeException ignored) {
                        // the server may be gone already; a leftover test database is harmless
                    }
                }));
            }
            url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
        }
        return url;
    }

    /**
     * Another fresh database on the same server, dropped when the JVM ends: for tests that must
     * damage a store (the ledger's tamper tests) without touching the shared one.
     */
    public static synchronized String fresh(String purpose) {
        String name = "eakte_it_" + purpose + "_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss")) + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
        execute("CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException ignored) {
                // the server may be gone already; a leftover test database is harmless
            }
        }));
        return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + ADMIN_URL + " is needed for the integration tests "
                    + "(start it with: pg_ctlcluster --skip-systemctl-redirect 15 main start): " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
