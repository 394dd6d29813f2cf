package de.eakte.projections.file;

import de.eakte.core.catalogue.CaseTypeCode;
import de.eakte.core.catalogue.Confidentiality;
import de.eakte.core.catalogue.DisposalKind;
import de.eakte.core.cases.CaseFields;
import de.eakte.core.cases.CaseOpened;
import de.eakte.core.cases.CaseStatus;
import de.eakte.core.cases.CaseStatusChanged;
import de.eakte.core.cases.EntryAdded;
import de.eakte.core.cases.EntryKind;
import de.eakte.core.cases.FileReference;
import de.eakte.core.cases.Visibility;
import de.eakte.core.citizens.Address;
import de.eakte.core.citizens.CitizenFields;
import de.eakte.core.citizens.CitizenFileOpened;
import de.eakte.core.citizens.MasterData;
import de.eakte.core.citizens.Postcode;
import de.eakte.core.crypto.FieldSealer;
import de.eakte.core.crypto.InMemoryDataKeys;
import de.eakte.core.crypto.KeyId;
import de.eakte.core.crypto.NonceSource;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.EntryId;
import de.eakte.core.shared.OfficeCode;
import de.eakte.projections.search.Generations;
import de.eakte.projections.search.SearchProjection;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * How fast a rebuild's write path applies events, beside the ceiling of reading them: events sealed
 * as the application seals them (per citizen: file opened, case opened, three entries, a status
 * change) are
 * <ol>
 *   <li>stored as JSON rows of an event table and scanned in global-index order over plain JDBC
 *       (the ceiling), then scanned and deserialised;</li>
 *   <li>handed to the consolidated file's and then the search's handlers through Axon's
 *       {@link AnnotationEventHandlerAdapter} in {@link BatchingUnitOfWork}s of 200 events with a
 *       transaction each, as a tracking processor with batch size 200 does (the writes are batched
 *       at the unit of work's commit, decision 0009).</li>
 * </ol>
 * Per phase: events/s, CPU of this thread and (PostgreSQL) of the database backend per event. Axon's
 * own event storage engine and token store are not part of it (bench scenario f measures the whole
 * path). Not a test: no timing is asserted. Run after {@code mvn -B -o -pl projections -am
 * test-compile} with the test class path: {@code java [-Drewrite=false] -cp ...
 * de.eakte.projections.file.RebuildMeasurement [citizens] [h2|postgresql] [rounds]}.
 */
public final class RebuildMeasurement {

    private static final int BATCH = 200;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String[] FAMILY = {"Müller", "Meyer", "Meier", "Maier", "Schmidt", "Schneider", "Fischer",
            "Weber", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder",
            "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Yılmaz",
            "Müller-Lüdenscheidt", "Öztürk", "Krause", "Lehmann"};
    private static final String[] GIVEN = {"Anna", "Max", "Lena", "Paul", "Sophie", "Jonas", "Marie", "Leon", "Emma",
            "Ben", "Mia", "Elias", "Hannah", "Felix", "Lea", "Noah", "Jürgen", "Gökhan", "Ottilie", "Karl-Heinz"};
    private static final String[] STREET = {"Hauptstraße", "Eisenbahnstraße", "Karl-Liebknecht-Str.", "Ring",
            "Sachsenstrasse", "Am Markt", "Lindenauer Weg", "Georg-Schwarz-Straße"};

    public static void main(String[] args) throws Exception {
        int citizens = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        String engine = args.length > 1 ? args[1] : "postgresql";
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        boolean rewrite = Boolean.parseBoolean(System.getProperty("rewrite", "true"));
        InMemoryDataKeys keys = new InMemoryDataKeys(new Random(5));
        FieldSealer sealer = new FieldSealer(keys, NonceSource.secureRandom());
        List<EventMessage<?>> events = events(citizens, sealer);

        DataSource database = "h2".equals(engine) ? h2() : postgres(rewrite);
        Connection connection = database.getConnection();
        SingleConnectionDataSource single = new SingleConnectionDataSource(connection, true);
        JdbcTemplate jdbc = new JdbcTemplate(single);
        DataSourceTransactionManager platform = new DataSourceTransactionManager(single);
        TransactionTemplate tx = new TransactionTemplate(platform);
        Integer backendPid = "h2".equals(engine) ? null : jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class);
        System.out.printf(Locale.ROOT, "%s%s, %,d events (%,d citizens), batches of %d, load average %s%n", engine,
                "h2".equals(engine) ? "" : " reWriteBatchedInserts=" + rewrite, events.size(), citizens, BATCH,
                loadAverage());

        JsonMapper json = JsonMapper.builder().build();
        store(jdbc, engine, events, json);
        int fileGeneration = new Generations(jdbc, ConsolidatedFileProjection.PROCESSING_GROUP).beginBuilding();
        int searchGeneration = new Generations(jdbc, SearchProjection.PROCESSING_GROUP).beginBuilding();
        ConsolidatedFileProjection file = new ConsolidatedFileProjection(jdbc, Clock.systemUTC(), sealer, () -> fileGeneration);
        SearchProjection search = new SearchProjection(jdbc, () -> searchGeneration, sealer);
        AnnotationEventHandlerAdapter fileHandlers = new AnnotationEventHandlerAdapter(file);
        AnnotationEventHandlerAdapter searchHandlers = new AnnotationEventHandlerAdapter(search);
        TransactionManager axonTx = axonTransactions(platform);

        for (int round = 1; round <= rounds; round++) {
            file.clear(fileGeneration);
            search.clear(searchGeneration);
            String label = engine + ", round " + round;
            measure(label + ", ceiling: JDBC scan of the event rows", events.size(), backendPid,
                    () -> tx.executeWithoutResult(t -> scan(jdbc, null)));
            measure(label + ", JDBC scan + JSON deserialisation", events.size(), backendPid,
                    () -> tx.executeWithoutResult(t -> scan(jdbc, json)));
            measure(label + ", consolidated file, batched units of work", events.size(), backendPid,
                    () -> replay(events, fileHandlers, axonTx));
            measure(label + ", search, batched units of work", events.size(), backendPid,
                    () -> replay(events, searchHandlers, axonTx));
        }
        System.out.printf(Locale.ROOT, "rows: citizen_file_row %,d, case_entry_row %,d, search_citizen %,d, search_word %,d, "
                        + "search_case_term %,d; load average %s%n",
                jdbc.queryForObject("SELECT COUNT(*) FROM citizen_file_row", Long.class),
                jdbc.queryForObject("SELECT COUNT(*) FROM case_entry_row", Long.class),
                jdbc.queryForObject("SELECT COUNT(*) FROM search_citizen", Long.class),
                jdbc.queryForObject("SELECT COUNT(*) FROM search_word", Long.class),
                jdbc.queryForObject("SELECT COUNT(*) FROM search_case_term", Long.class), loadAverage());
        connection.close();
        System.exit(0);
    }

    /** Per citizen: file opened, case opened, three entries, a status change, all sealed; domain event messages. */
    static List<EventMessage<?>> events(int citizens, FieldSealer sealer) {
        Random random = new Random(20261121);
        List<EventMessage<?>> events = new ArrayList<>();
        Instant at = Instant.parse("2026-03-10T09:00:00Z");
        for (int i = 0; i < citizens; i++) {
            CitizenId citizen = CitizenId.of(new UUID(1, i).toString());
            CaseId caseId = CaseId.of(new UUID(2, i).toString());
            MasterData master = new MasterData(FAMILY[random.nextInt(FAMILY.length)], GIVEN[random.nextInt(GIVEN.length)],
                    null, LocalDate.of(1940 + random.nextInt(70), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                    "Leipzig", null);
            Address home = new Address(STREET[random.nextInt(STREET.length)], String.valueOf(1 + random.nextInt(120)),
                    new Postcode("04109"), "Leipzig");
            String c = citizen.toString();
            String k = caseId.toString();
            events.add(message("Citizen", c, 0, new CitizenFileOpened(citizen,
                    sealer.seal(KeyId.citizen(citizen), c, CitizenFields.MASTER_DATA, master),
                    sealer.seal(KeyId.citizen(citizen), c, CitizenFields.ADDRESS, home), at)));
            events.add(message("Case", k, 0, new CaseOpened(caseId, citizen,
                    FileReference.parse(String.format(Locale.ROOT, "33-122.20-%06d-2026", i + 1)), new OfficeCode("33"),
                    new CaseTypeCode("identity-card"),
                    sealer.seal(KeyId.ofCase(citizen, caseId), k, CaseFields.SUBJECT, "Personalausweis beantragt"),
                    Confidentiality.NORMAL, LocalDate.of(2026, 3, 31), at, 10, DisposalKind.V)));
            for (int e = 1; e <= 3; e++) {
                events.add(message("Case", k, e, new EntryAdded(caseId, EntryId.of(new UUID(3, i * 4L + e).toString()),
                        EntryKind.NOTE, Visibility.INTERNAL, sealer.seal(KeyId.ofCase(citizen, caseId), k,
                        CaseFields.ENTRY_TEXT, "Lichtbild liegt vor, Antrag vollständig, Gebühr bezahlt " + e), null, at)));
            }
            events.add(message("Case", k, 4, new CaseStatusChanged(caseId, CaseStatus.OPEN, CaseStatus.IN_PROGRESS, at)));
        }
        return events;
    }

    static EventMessage<?> message(String type, String aggregate, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(type, aggregate, sequence, payload);
    }

    /** Hands the events to the handlers in units of work of {@value #BATCH}, each with its transaction. */
    static void replay(List<EventMessage<?>> events, AnnotationEventHandlerAdapter handlers, TransactionManager tx) {
        for (int from = 0; from < events.size(); from += BATCH) {
            BatchingUnitOfWork<EventMessage<?>> unitOfWork =
                    new BatchingUnitOfWork<>(events.subList(from, Math.min(events.size(), from + BATCH)));
            unitOfWork.attachTransaction(tx);
            ResultMessage<?> result = unitOfWork.executeWithResult(() -> handlers.handle(unitOfWork.getMessage()),
                    RollbackConfigurationType.ANY_THROWABLE);
            if (result.isExceptional()) {
                throw new IllegalStateException(result.exceptionResult());
            }
        }
    }

    /** Axon's transactions over Spring's (what api's SpringTransactionManager does). */
    static TransactionManager axonTransactions(PlatformTransactionManager platform) {
        return () -> {
            TransactionStatus status = platform.getTransaction(new DefaultTransactionDefinition());
            return new Transaction() {
                @Override
                public void commit() {
                    platform.commit(status);
                }

                @Override
                public void rollback() {
                    platform.rollback(status);
                }
            };
        };
    }

    private static void store(JdbcTemplate jdbc, String engine, List<EventMessage<?>> events, JsonMapper json) {
        jdbc.execute("CREATE TABLE measure_event (global_index BIGINT PRIMARY KEY, aggregate_id VARCHAR(36) NOT NULL, "
                + "sequence_number BIGINT NOT NULL, payload_type VARCHAR(255) NOT NULL, payload "
                + ("h2".equals(engine) ? "VARBINARY" : "BYTEA") + " NOT NULL)");
        List<Object[]> rows = new ArrayList<>();
        long index = 0;
        for (EventMessage<?> e : events) {
            GenericDomainEventMessage<?> d = (GenericDomainEventMessage<?>) e;
            rows.add(new Object[]{++index, d.getAggregateIdentifier(), d.getSequenceNumber(), d.getPayloadType().getName(),
                    json.writeValueAsBytes(d.getPayload())});
        }
        jdbc.batchUpdate("INSERT INTO measure_event VALUES (?, ?, ?, ?, ?)", rows);
    }

    /** Reads every event row in global-index order, 1,000 per fetch; deserialises the payload if a mapper is given. */
    private static void scan(JdbcTemplate jdbc, JsonMapper json) {
        jdbc.execute((Connection c) -> {
            try (PreparedStatement s = c.prepareStatement("SELECT global_index, aggregate_id, sequence_number, payload_type, "
                    + "payload FROM measure_event ORDER BY global_index")) {
                s.setFetchSize(1000);
                long bytes = 0;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        byte[] payload = rs.getBytes(5);
                        bytes += payload.length + rs.getString(2).length() + rs.getLong(3) + rs.getLong(1);
                        if (json != null) {
                            json.readValue(payload, Class.forName(rs.getString(4)));
                        }
                    }
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
                return bytes;
            }
        });
    }

    private static void measure(String what, int events, Integer backendPid, Runnable phase) throws Exception {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long db = backendCpuMicros(backendPid);
        long start = System.nanoTime();
        phase.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuPerEvent = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e3 / events;
        String dbPerEvent = backendPid == null ? "" : String.format(Locale.ROOT, ", database %.0f us",
                (backendCpuMicros(backendPid) - db) / (double) events);
        System.out.printf(Locale.ROOT, "%s: %,d events in %.2f s: %,.0f events/s; CPU per event: this thread %.0f us%s%n",
                what, events, seconds, events / seconds, cpuPerEvent, dbPerEvent);
    }

    /** User + system CPU of a PostgreSQL backend on this machine (/proc), in microseconds. */
    private static long backendCpuMicros(Integer pid) throws Exception {
        if (pid == null) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000L; // utime, stime in ticks of 10 ms
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "?";
        }
    }

    private static DataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:rebuild-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return migrated(dataSource);
    }

    private static DataSource postgres(boolean rewrite) throws Exception {
        String admin = "jdbc:postgresql://127.0.0.1:5432/postgres";
        String name = "eakte_rebuild_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(admin, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(admin, "postgres", ""); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (Exception ignored) {
                // a leftover measurement database is harmless
            }
        }));
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL("jdbc:postgresql://127.0.0.1:5432/" + name);
        dataSource.setUser("postgres");
        dataSource.setReWriteBatchedInserts(rewrite);
        return migrated(dataSource);
    }

    private static DataSource migrated(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/projections").load().migrate();
        return dataSource;
    }
}
