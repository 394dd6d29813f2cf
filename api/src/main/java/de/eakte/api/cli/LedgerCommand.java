package de.eakte.api.cli;

import de.eakte.audit.ledger.checkpoint.VerifierKey;
import de.eakte.audit.ledger.verify.Finding;
import de.eakte.audit.ledger.verify.LedgerVerifier;
import de.eakte.audit.ledger.verify.Report;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ledger verify [--trusted FILE]... [--key VERIFIER-KEY]...} recomputes the ledger from the
 * event table and checks every leaf, node and checkpoint, and the checkpoints kept outside in
 * FILE. It opens the database with plain JDBC, read-only, in one snapshot: no web server, no event
 * processors, no migrations; so it runs on a stopped embedded store or beside a running server on
 * PostgreSQL. Exit status 0: intact; 1: tampering found (the first bad leaf and the first broken
 * checkpoint are named); 2: usage or the database could not be opened.
 */
public final class LedgerCommand {

    private static final String USAGE = """
            usage: java -jar eakte.jar ledger verify [--trusted FILE]... [--key VERIFIER-KEY]...
              --trusted FILE   signed checkpoints kept outside the database (one or more notes per file)
              --key KEY        a verifier key to accept besides the keys the database publishes
            The database is found as by the server: --eakte.data-dir=DIR, --spring.datasource.url=... (or
            SPRING_DATASOURCE_URL), --spring.datasource.username=..., --spring.datasource.password=...
            On the embedded H2 file, stop the server first (it holds the file's lock).""";

    private static final int SHOWN = 20;

    private LedgerCommand() {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !"verify".equals(args[0])) {
            err.println(USAGE);
            return 2;
        }
        List<String> trusted = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> springArgs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (("--trusted".equals(arg) || "--key".equals(arg)) && i + 1 < args.length) {
                String value = args[++i];
                if ("--key".equals(arg)) {
                    try {
                        VerifierKey.parse(value);
                    } catch (IllegalArgumentException e) {
                        err.println("not a verifier key (name+hash+base64 key): " + value + ": " + e.getMessage());
                        return 2;
                    }
                    keys.add(value);
                    continue;
                }
                try {
                    trusted.addAll(notes(Files.readString(Path.of(value), StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    err.println("cannot read " + value + ": " + e.getMessage());
                    return 2;
                }
            } else if (arg.startsWith("--") && arg.contains("=")) {
                springArgs.add(arg);
            } else {
                err.println("unknown argument " + arg);
                err.println(USAGE);
                return 2;
            }
        }
        StandardEnvironment env = new StandardEnvironment();
        try {
            env.getPropertySources().addFirst(new SimpleCommandLinePropertySource(springArgs.toArray(String[]::new)));
            env.getPropertySources().addLast(new ResourcePropertySource(new ClassPathResource("application.properties")));
        } catch (IOException e) {
            err.println("cannot read the built-in configuration: " + e.getMessage());
            return 2;
        }
        String url = env.getProperty("spring.datasource.url");
        if (url != null && url.startsWith("jdbc:h2:") && !url.contains("IFEXISTS")) {
            url = url + ";IFEXISTS=TRUE"; // never create an empty database where the store was expected
        }
        try (Connection connection = DriverManager.getConnection(url, env.getProperty("spring.datasource.username"),
                env.getProperty("spring.datasource.password"))) {
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            if (connection.getMetaData().supportsTransactionIsolationLevel(Connection.TRANSACTION_REPEATABLE_READ)) {
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // one snapshot throughout
            }
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            boolean console = System.console() != null;
            Report report = new LedgerVerifier(jdbc).verify(trusted, keys, done -> {
                if (console) {
                    err.print("\rverified " + done + " leaves");
                }
            });
            if (console) {
                err.println();
            }
            print(report, out);
            connection.rollback();
            return report.ok() ? 0 : 1;
        } catch (SQLException | RuntimeException e) {
            err.println("cannot verify the ledger in " + url + ": " + Failures.rootMessage(e));
            err.println("If a server is running on the embedded database, it holds the lock: stop it first.");
            return 2;
        }
    }

    private static void print(Report report, PrintStream out) {
        out.println("ledger: " + report.leaves() + " leaves, " + report.checkpoints() + " stored checkpoints, "
                + report.trustedCheckpoints() + " checkpoints kept outside, " + report.pending()
                + " events not yet appended");
        if (report.ok()) {
            out.println("OK: every event has exactly one leaf, every leaf its event, every checkpoint verifies");
            return;
        }
        out.println("TAMPERED: " + report.findings().size() + " findings");
        report.firstBadLeaf().ifPresent(f -> out.println("first bad leaf: " + f.leafIndex() + ": " + f.message()));
        report.firstBrokenCheckpoint().ifPresent(f -> out.println("first broken checkpoint: " + f.checkpointSize()
                + ": " + f.message()));
        report.findings().stream().limit(SHOWN).forEach(f -> out.println("  " + f));
        if (report.findings().size() > SHOWN) {
            out.println("  ... and " + (report.findings().size() - SHOWN) + " more");
        }
        for (Finding.Kind kind : Finding.Kind.values()) {
            long n = report.count(kind);
            if (n > 0) {
                out.println("  " + kind + ": " + n);
            }
        }
    }

    /** Splits a file of signed notes: each ends with its last signature line ("— name sig"). */
    static List<String> notes(String text) {
        List<String> notes = new ArrayList<>();
        StringBuilder note = new StringBuilder();
        boolean inSignatures = false;
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            boolean signature = line.startsWith("\u2014 ");
            if (inSignatures && !signature) {
                notes.add(note.toString());
                note.setLength(0);
                inSignatures = false;
            }
            if (note.isEmpty() && line.isBlank()) {
                continue;
            }
            note.append(line).append('\n');
            inSignatures = signature;
        }
        if (inSignatures) {
            notes.add(note.toString());
        }
        return notes;
    }
}
