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
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * How fast the consolidated file's handlers apply events when a rebuild replays them: events
 * sealed as the application seals them are handed to the handlers in batches of 200 per
 * transaction (what the rebuild's processor does), on one connection; Axon, the event table and
 * deserialisation are not part of it. Not a test (no timing is asserted). Run after
 * {@code mvn -B -o -pl projections -am test-compile} with the test class path:
 * {@code java -cp ... de.eakte.projections.file.RebuildMeasurement [citizens] [h2|postgresql]}.
 */
public final class RebuildMeasurement {

    public static void main(String[] args) throws Exception {
        int citizens = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        String engine = args.length > 1 ? args[1] : "postgresql";
        InMemoryDataKeys keys = new InMemoryDataKeys(new Random(5));
        FieldSealer sealer = new FieldSealer(keys, NonceSource.secureRandom());
        List<Consumer<ConsolidatedFileProjection>> events = new ArrayList<>();
        Instant at = Instant.parse("2026-03-10T09:00:00Z");
        for (int i = 0; i < citizens; i++) {
            CitizenId citizen = CitizenId.of(new UUID(1, i).toString());
            CaseId caseId = CaseId.of(new UUID(2, i).toString());
            MasterData master = new MasterData("Müller", "Anna", null, LocalDate.of(1980, 5, 1), "Leipzig", null);
            Address home = new Address("Hauptstraße", "1", new Postcode("04109"), "Leipzig");
            CitizenFileOpened opened = new CitizenFileOpened(citizen,
                    sealer.seal(KeyId.citizen(citizen), citizen.toString(), CitizenFields.MASTER_DATA, master),
                    sealer.seal(KeyId.citizen(citizen), citizen.toString(), CitizenFields.ADDRESS, home), at);
            CaseOpened caseOpened = new CaseOpened(caseId, citizen,
                    FileReference.parse(String.format(Locale.ROOT, "33-122.20-%06d-2026", i + 1)), new OfficeCode("33"),
                    new CaseTypeCode("identity-card"),
                    sealer.seal(KeyId.ofCase(citizen, caseId), caseId.toString(), CaseFields.SUBJECT, "Personalausweis"),
                    Confidentiality.NORMAL, LocalDate.of(2026, 3, 31), at, 10, DisposalKind.V);
            events.add(p -> p.on(opened, 0));
            events.add(p -> p.on(caseOpened, 0));
            for (int e = 1; e <= 3; e++) {
                long sequence = e;
                EntryAdded entry = new EntryAdded(caseId, EntryId.random(), EntryKind.NOTE, Visibility.INTERNAL,
                        sealer.seal(KeyId.ofCase(citizen, caseId), caseId.toString(), CaseFields.ENTRY_TEXT,
                                "Lichtbild liegt vor, Antrag vollständig."), null, at);
                events.add(p -> p.on(entry, sequence));
            }
            events.add(p -> p.on(new CaseStatusChanged(caseId, CaseStatus.OPEN, CaseStatus.IN_PROGRESS, at), 4));
        }
        DataSource database = "h2".equals(engine) ? h2() : postgres();
        Connection connection = database.getConnection();
        SingleConnectionDataSource single = new SingleConnectionDataSource(connection, true);
        JdbcTemplate jdbc = new JdbcTemplate(single);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(single));
        int generation = new Generations(jdbc, ConsolidatedFileProjection.PROCESSING_GROUP).beginBuilding();
        ConsolidatedFileProjection projection = new ConsolidatedFileProjection(jdbc, Clock.systemUTC(), sealer, () -> generation);
        for (int round = 0; round < 2; round++) {
            projection.clear(generation);
            long start = System.nanoTime();
            for (int from = 0; from < events.size(); from += 200) {
                List<Consumer<ConsolidatedFileProjection>> batch = events.subList(from, Math.min(events.size(), from + 200));
                tx.executeWithoutResult(t -> batch.forEach(e -> e.accept(projection)));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%s, round %d: %,d events in %.1f s: %,.0f events/s%n", engine, round + 1,
                    events.size(), seconds, events.size() / seconds);
        }
        connection.close();
        System.exit(0);
    }

    private static DataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:rebuild-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return migrated(dataSource);
    }

    private static DataSource postgres() throws Exception {
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
        return migrated(dataSource);
    }

    private static DataSource migrated(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/projections").load().migrate();
        return dataSource;
    }
}
