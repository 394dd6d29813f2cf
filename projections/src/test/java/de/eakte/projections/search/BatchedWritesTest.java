package de.eakte.projections.search;

import de.eakte.core.access.policy.InformationBlock;
import de.eakte.core.catalogue.CaseTypeCode;
import de.eakte.core.catalogue.Confidentiality;
import de.eakte.core.catalogue.DisposalKind;
import de.eakte.core.cases.CaseClosed;
import de.eakte.core.cases.CaseFields;
import de.eakte.core.cases.CaseOpened;
import de.eakte.core.cases.CaseStatus;
import de.eakte.core.cases.CaseStatusChanged;
import de.eakte.core.cases.DeadlineChanged;
import de.eakte.core.cases.EntryAdded;
import de.eakte.core.cases.EntryKind;
import de.eakte.core.cases.FileReference;
import de.eakte.core.cases.LegalHoldPlaced;
import de.eakte.core.cases.StoredDocument;
import de.eakte.core.cases.Visibility;
import de.eakte.core.citizens.Address;
import de.eakte.core.citizens.CitizenErased;
import de.eakte.core.citizens.CitizenFields;
import de.eakte.core.citizens.CitizenFileOpened;
import de.eakte.core.citizens.CitizenMoved;
import de.eakte.core.citizens.InformationBlockLifted;
import de.eakte.core.citizens.InformationBlockSet;
import de.eakte.core.citizens.MasterData;
import de.eakte.core.citizens.MasterDataCorrected;
import de.eakte.core.citizens.Postcode;
import de.eakte.core.citizens.ProcessingRestricted;
import de.eakte.core.crypto.FieldSealer;
import de.eakte.core.crypto.InMemoryDataKeys;
import de.eakte.core.crypto.KeyId;
import de.eakte.core.crypto.NonceSource;
import de.eakte.core.retention.CaseDestroyed;
import de.eakte.core.retention.DisposalListId;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.EntryId;
import de.eakte.core.shared.OfficeCode;
import de.eakte.projections.file.ConsolidatedFileProjection;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Write batching (decision 0009) changes when the rows are written, never which: the same events
 * handled one by one (no unit of work: every handler writes at once) and in Axon units of work of 7
 * and of 200 events (written at the commit) leave identical tables in both read models, on H2 and
 * PostgreSQL; and a unit of work whose writes fail at the commit leaves no row and no token
 * movement behind.
 */
class BatchedWritesTest {

    private static final Instant AT = Instant.parse("2026-03-10T09:00:00Z");
    private static final List<String> TABLES = List.of("citizen_file_row", "citizen_address_row", "case_row",
            "case_entry_row", "erased_citizen_row", "search_citizen", "search_citizen_word", "search_word", "search_case",
            "search_case_term");

    private final FieldSealer sealer = new FieldSealer(new InMemoryDataKeys(new Random(7)), NonceSource.secureRandom());

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void batchedAndOneByOneLeaveIdenticalTables(String engine) throws Exception {
        DataSource database = TestDatabases.of(engine);
        JdbcTemplate jdbc = new JdbcTemplate(database);
        TransactionManager transactions = transactions(database);
        List<EventMessage<?>> events = mixedEvents(40, null);

        for (EventMessage<?> e : events) { // one by one, no unit of work: generation 11
            handlers(jdbc, 11).forEach(h -> handle(h, e));
        }
        replay(events, handlers(jdbc, 12), transactions, 7);
        replay(events, handlers(jdbc, 13), transactions, 200);

        for (String table : TABLES) {
            List<String> oneByOne = rows(jdbc, table, 11);
            assertThat(rows(jdbc, table, 12)).as(table + ", units of work of 7").isEqualTo(oneByOne);
            assertThat(rows(jdbc, table, 13)).as(table + ", units of work of 200").isEqualTo(oneByOne);
        }
        for (String table : List.of("citizen_file_row", "case_entry_row", "erased_citizen_row", "search_word", "search_case_term")) {
            assertThat(rows(jdbc, table, 11)).as(table).isNotEmpty();
        }
        // the erased citizens are gone from every generation, the late duplicate entry was not applied twice
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM citizen_file_row WHERE citizen_id = ?", Integer.class,
                citizen(3).toString())).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM search_citizen WHERE citizen_id = ?", Integer.class,
                citizen(3).toString())).isZero();
        assertThat(jdbc.queryForObject("SELECT entry_count FROM case_row WHERE generation = 13 AND case_id = ?",
                Integer.class, caseOf(1).toString())).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aUnitOfWorkWhoseWritesFailLeavesNoRowsAndTheTokenWhereItWas(String engine) throws Exception {
        DataSource database = TestDatabases.of(engine);
        JdbcTemplate jdbc = new JdbcTemplate(database);
        jdbc.execute("CREATE TABLE test_token (processor VARCHAR(40) PRIMARY KEY, position BIGINT NOT NULL)");
        jdbc.update("INSERT INTO test_token VALUES ('shadow', 0)");
        // the fifth citizen's case subject is longer than its column: the batch fails when it is written, mid-way
        List<EventMessage<?>> events = mixedEvents(8, 4);
        List<AnnotationEventHandlerAdapter> handlers = handlers(jdbc, 21);

        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(events);
        unitOfWork.attachTransaction(transactions(database));
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            if (unitOfWork.isFirstMessage()) {
                // as a tracking processor does: its token is stored before the commit, in the same transaction
                unitOfWork.onPrepareCommit(u -> jdbc.update("UPDATE test_token SET position = ? WHERE processor = 'shadow'",
                        events.size()));
            }
            for (AnnotationEventHandlerAdapter h : handlers) {
                h.handle(unitOfWork.getMessage());
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);

        assertThat(result.isExceptional()).isTrue();
        for (String table : TABLES) {
            assertThat(rows(jdbc, table, 21)).as(table).isEmpty();
        }
        assertThat(jdbc.queryForObject("SELECT position FROM test_token WHERE processor = 'shadow'", Long.class)).isZero();

        // without the poisoned event the same unit of work goes through
        List<EventMessage<?>> healthy = mixedEvents(8, null);
        replay(healthy, handlers(jdbc, 22), transactions(database), 200);
        assertThat(rows(jdbc, "case_entry_row", 22)).isNotEmpty();
    }

    // ---- events ---------------------------------------------------------------------------------

    private static CitizenId citizen(int i) {
        return CitizenId.of(new UUID(11, i).toString());
    }

    private static CaseId caseOf(int i) {
        return CaseId.of(new UUID(12, i).toString());
    }

    /**
     * Per citizen a file with corrections, a move, blocks, a restriction, and a case with entries (one
     * delivered twice), deadline, status, closing and legal hold; some citizens are erased, some
     * cases destroyed. The aggregates' events are interleaved, each aggregate's in its order.
     */
    private List<EventMessage<?>> mixedEvents(int citizens, Integer poisoned) {
        List<List<EventMessage<?>>> streams = new ArrayList<>();
        for (int i = 0; i < citizens; i++) {
            CitizenId c = citizen(i);
            CaseId k = caseOf(i);
            String cid = c.toString();
            String kid = k.toString();
            MasterData master = new MasterData(i % 2 == 0 ? "Müller" : "Meyer-Lüdenscheidt", "Anna " + (char) ('A' + i % 26),
                    null, LocalDate.of(1950 + i, 5, 1), "Leipzig", null);
            Address home = new Address("Hauptstraße", String.valueOf(i + 1), new Postcode("04109"), "Leipzig");
            List<EventMessage<?>> citizen = new ArrayList<>();
            long s = 0;
            citizen.add(message("Citizen", cid, s++, new CitizenFileOpened(c,
                    sealer.seal(KeyId.citizen(c), cid, CitizenFields.MASTER_DATA, master),
                    sealer.seal(KeyId.citizen(c), cid, CitizenFields.ADDRESS, home), AT)));
            if (i % 3 == 0) {
                citizen.add(message("Citizen", cid, s++, new InformationBlockSet(c, InformationBlock.BLOCK, AT)));
            }
            citizen.add(message("Citizen", cid, s++, new MasterDataCorrected(c, sealer.seal(KeyId.citizen(c), cid,
                    CitizenFields.MASTER_DATA, new MasterData("Schmidt", "Anna", i % 2 == 0 ? "Müller" : null,
                            LocalDate.of(1960 + i, 6, 2), "Leipzig", null)), AT)));
            citizen.add(message("Citizen", cid, s++, new CitizenMoved(c, sealer.seal(KeyId.citizen(c), cid,
                    CitizenFields.ADDRESS, new Address("Eisenbahnstraße", "7", new Postcode("04315"), "Leipzig")),
                    LocalDate.of(2026, 4, 1), AT)));
            if (i % 3 == 0) {
                citizen.add(message("Citizen", cid, s++, new InformationBlockLifted(c, AT)));
            }
            if (i % 5 == 0) {
                citizen.add(message("Citizen", cid, s++, new ProcessingRestricted(c, LocalDate.of(2027, 1, 1), AT)));
            }
            List<EventMessage<?>> kase = new ArrayList<>();
            String subject = poisoned != null && poisoned == i ? "x".repeat(300) : "Baugenehmigung Gartenhaus " + i;
            kase.add(message("Case", kid, 0, new CaseOpened(k, c,
                    FileReference.parse(String.format(Locale.ROOT, "63-621.40-%06d-2026", i + 1)), new OfficeCode("63"),
                    new CaseTypeCode("building-permit"), sealer.seal(KeyId.ofCase(c, k), kid, CaseFields.SUBJECT, subject),
                    Confidentiality.NORMAL, LocalDate.of(2026, 5, 31), AT, 10, DisposalKind.V)));
            EventMessage<?> first = message("Case", kid, 1, entry(c, k, i, 1, i % 2 == 1));
            kase.add(first);
            kase.add(message("Case", kid, 2, entry(c, k, i, 2, false)));
            if (i % 6 == 1) {
                kase.add(first); // delivered again: the version guard skips it
            }
            kase.add(message("Case", kid, 3, new DeadlineChanged(k, LocalDate.of(2026, 6, 30), AT)));
            kase.add(message("Case", kid, 4, new CaseStatusChanged(k, CaseStatus.OPEN, CaseStatus.IN_PROGRESS, AT)));
            kase.add(message("Case", kid, 5, entry(c, k, i, 5, false)));
            if (i % 2 == 0) {
                kase.add(message("Case", kid, 6, new CaseClosed(k, CaseStatus.IN_PROGRESS, AT, LocalDate.of(2036, 12, 31),
                        DisposalKind.V)));
            }
            if (i % 4 == 0) {
                kase.add(message("Case", kid, 7, new LegalHoldPlaced(k, "Klage anhängig", AT)));
            }
            if (i % 7 == 5) {
                kase.add(message("DisposalList", UUID.randomUUID().toString(), 0, new CaseDestroyed(
                        DisposalListId.of(new UUID(13, i).toString()), k, c, List.of(), AT)));
            }
            if (i % 7 == 3) {
                kase.add(message("Citizen", cid, s++, new CitizenErased(c, List.of(), AT)));
            }
            streams.add(citizen);
            streams.add(kase);
        }
        List<EventMessage<?>> events = new ArrayList<>();
        for (int round = 0; events.size() < streams.stream().mapToInt(List::size).sum(); round++) {
            for (List<EventMessage<?>> stream : streams) {
                if (round < stream.size()) {
                    events.add(stream.get(round));
                }
            }
        }
        return events;
    }

    private EntryAdded entry(CitizenId c, CaseId k, int i, int n, boolean document) {
        KeyId key = KeyId.ofCase(c, k);
        String kid = k.toString();
        StoredDocument stored = document ? new StoredDocument(sealer.seal(key, kid, CaseFields.DOCUMENT_TITLE,
                "Lageplan " + i + ".pdf"), "application/pdf", 1234, "ab".repeat(32), AT) : null;
        return new EntryAdded(k, EntryId.of(new UUID(14, i * 10L + n).toString()), EntryKind.NOTE, Visibility.INTERNAL,
                sealer.seal(key, kid, CaseFields.ENTRY_TEXT, "Die Genehmigungen der Nachbarn fehlen noch " + n), stored, AT);
    }

    private static EventMessage<?> message(String type, String aggregate, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(type, aggregate, sequence, payload);
    }

    // ---- handling ---------------------------------------------------------------------------------

    private List<AnnotationEventHandlerAdapter> handlers(JdbcTemplate jdbc, int generation) {
        return List.of(new AnnotationEventHandlerAdapter(new ConsolidatedFileProjection(jdbc, Clock.systemUTC(), sealer,
                        () -> generation)),
                new AnnotationEventHandlerAdapter(new SearchProjection(jdbc, () -> generation, sealer)));
    }

    private static void handle(AnnotationEventHandlerAdapter handler, EventMessage<?> event) {
        try {
            handler.handle(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void replay(List<EventMessage<?>> events, List<AnnotationEventHandlerAdapter> handlers,
                               TransactionManager transactions, int size) {
        for (int from = 0; from < events.size(); from += size) {
            BatchingUnitOfWork<EventMessage<?>> unitOfWork =
                    new BatchingUnitOfWork<>(events.subList(from, Math.min(events.size(), from + size)));
            unitOfWork.attachTransaction(transactions);
            ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
                handlers.forEach(h -> handle(h, unitOfWork.getMessage()));
                return null;
            }, RollbackConfigurationType.ANY_THROWABLE);
            assertThat(result.isExceptional()).as(() -> String.valueOf(result.optionalExceptionResult().orElse(null))).isFalse();
        }
    }

    /** Axon's transactions over Spring's, as api's SpringTransactionManager does. */
    private static TransactionManager transactions(DataSource database) {
        DataSourceTransactionManager platform = new DataSourceTransactionManager(database);
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

    /** A generation's rows without the generation column, in a stable order. */
    private static List<String> rows(JdbcTemplate jdbc, String table, int generation) {
        return jdbc.queryForList("SELECT * FROM " + table + " WHERE generation = ?", generation).stream()
                .map(row -> {
                    Map<String, Object> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                    row.forEach((k, v) -> sorted.put(k.toLowerCase(Locale.ROOT), v));
                    sorted.remove("generation");
                    return sorted.toString();
                })
                .sorted(Comparator.naturalOrder()).toList();
    }
}
