package de.eakte.api.storage;

import de.eakte.core.cases.FileReference;
import de.eakte.core.cases.FileReferenceAllocator;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.OfficeCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * Draws running numbers from one database sequence per office and year, so concurrent case
 * openings never wait for each other, and reserves the reference in {@code file_reference}
 * (unique per office/year/number and per case) inside the command's transaction: a command
 * that fails leaves no reservation, only an unused number (sequences are not transactional).
 */
public class JdbcFileReferenceAllocator implements FileReferenceAllocator {

    private static final Logger log = LoggerFactory.getLogger(JdbcFileReferenceAllocator.class);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Set<String> knownSequences = ConcurrentHashMap.newKeySet();
    private final Set<String> preparing = ConcurrentHashMap.newKeySet();
    private final Executor background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "file-reference-next-year");
        t.setDaemon(true);
        return t;
    });

    public JdbcFileReferenceAllocator(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @Override
    public FileReference allocate(OfficeCode office, String filePlanKey, int year, CaseId caseId) {
        String sequence = ensureSequence(office, year);
        Long number = jdbc.queryForObject("SELECT nextval('" + sequence + "')", Long.class);
        FileReference reference = new FileReference(office, filePlanKey, number, year);
        jdbc.update("INSERT INTO file_reference (reference, office, ref_year, ref_number, case_id) VALUES (?, ?, ?, ?, ?)",
                reference.toString(), office.value(), year, number, caseId.toString());
        return reference;
    }

    /** The reference reserved for a case, once its transaction has committed. */
    public Optional<FileReference> referenceOf(CaseId caseId) {
        return jdbc.queryForList("SELECT reference FROM file_reference WHERE case_id = ?", String.class,
                caseId.toString()).stream().findFirst().map(FileReference::parse);
    }

    /**
     * Looks the sequence up on the command's own connection, and only if it does not exist yet
     * creates it on a connection of its own: DDL inside the command's transaction would commit it
     * early on H2 and can collide between concurrent transactions on PostgreSQL. Asking for a
     * second connection on every first use after a start held up every command under load: 32
     * concurrent case openings on a pool of 20 each held one connection and waited for another
     * until Axon's 30 s command timeout answered 500 (docs/BENCHMARKS.md, scenario a). Now only
     * the very first use of an office's year needs one, and the following year's is made ahead
     * ({@link #prepareNextYear}). The name is built only from a validated
     * office code (2-3 digits) and a year.
     */
    String ensureSequence(OfficeCode office, int year) {
        String name = sequenceName(office, year);
        if (knownSequences.contains(name)) {
            prepareNextYear(office, year); // a server running across New Year's Eve prepares the year after too
            return name;
        }
        Integer existing = jdbc.queryForObject(
                "SELECT COUNT(*) FROM information_schema.sequences WHERE LOWER(sequence_name) = ?", Integer.class, name);
        if (existing == null || existing == 0) {
            create(name);
        }
        knownSequences.add(name);
        prepareNextYear(office, year);
        return name;
    }

    static String sequenceName(OfficeCode office, int year) {
        return "file_ref_" + office.value() + "_" + year;
    }

    /**
     * Creates the office's sequence of the following year in the background, off every command's
     * path: otherwise the first case of each office on 1 January would take a second connection
     * while its transaction holds one, and under full load the pool could run dry as it did after
     * a restart. A failure is logged and tried again with the next case.
     */
    private void prepareNextYear(OfficeCode office, int year) {
        String next = sequenceName(office, year + 1);
        if (knownSequences.contains(next) || !preparing.add(next)) {
            return;
        }
        background.execute(() -> {
            try {
                create(next);
                knownSequences.add(next);
            } catch (RuntimeException e) {
                log.warn("could not create next year's file reference sequence {} yet: {}", next, e.getMessage());
                preparing.remove(next);
            }
        });
    }

    private void create(String name) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SEQUENCE IF NOT EXISTS " + name + " START WITH 1 INCREMENT BY 1");
            } catch (SQLException raced) {
                // Another instance created it at the same moment (PostgreSQL reports a unique
                // violation on its catalogue); the sequence exists either way, check below.
                try (Statement check = connection.createStatement()) {
                    check.execute("SELECT nextval('" + name + "') WHERE 1 = 0");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create file reference sequence " + name, e);
        }
    }
}
