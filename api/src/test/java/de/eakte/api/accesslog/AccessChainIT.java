package de.eakte.api.accesslog;

import de.eakte.api.support.PostgresApiTest;
import de.eakte.audit.access.AccessLogAppender;
import de.eakte.audit.access.GroupCommitWriter;
import de.eakte.audit.access.CitizenAccessLog;
import de.eakte.audit.access.EventStoreAccessRecorder;
import de.eakte.audit.ledger.StoredEvent;
import de.eakte.core.access.AccessOutcome;
import de.eakte.core.access.AccessRecord;
import de.eakte.core.access.AccessRecorder;
import de.eakte.core.access.Channel;
import de.eakte.core.access.DataCategory;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.OfficeCode;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-citizen access chain on PostgreSQL under real concurrency: several threads and two
 * recorder instances (each with its own remembered heads, as two app instances would have) write
 * entries of the same few citizens at once. Every chain stays gap-free from 0, no sequence number
 * is taken twice, and every link names the leaf hash of the stored row before it.
 */
class AccessChainIT extends PostgresApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private AccessRecorder recorder;

    @Autowired
    private EventBus eventBus;

    @Autowired
    private TransactionManager transactions;

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;

    @Autowired
    private AccessLogAppender appender;

    @Autowired
    private de.eakte.core.crypto.FieldSealer sealer;

    @Autowired
    private de.eakte.audit.access.AccessLogRetention retention;

    @Test
    void givenTwoInstancesAndEightThreads_whenRecordingTheSameCitizensAtOnce_thenEveryChainIsGapFreeAndLinked()
            throws Exception {
        AccessLogAppender secondAppender = new AccessLogAppender(eventBus, transactions, jdbc, eventSerializer, 50);
        GroupCommitWriter secondWriter = new GroupCommitWriter(secondAppender, 1000, 500, Duration.ofSeconds(30)).start();
        AccessRecorder secondInstance = new EventStoreAccessRecorder(secondWriter, sealer, retention);
        List<CitizenId> citizens = List.of(CitizenId.random(), CitizenId.random(), CitizenId.random());
        int threads = 8;
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> done = new ArrayList<>();
        long racesBefore = appender.racesLost();
        for (int t = 0; t < threads; t++) {
            Random random = new Random(1000 + t);
            Actor actor = Actor.staff("chain-" + t, new OfficeCode("33"));
            Callable<Integer> work = () -> {
                for (int i = 0; i < perThread; i++) {
                    AccessRecorder instance = random.nextBoolean() ? recorder : secondInstance;
                    instance.record(record(actor, citizens.get(random.nextInt(citizens.size()))));
                }
                return perThread;
            };
            done.add(pool.submit(work));
        }
        int written = 0;
        for (Future<Integer> f : done) {
            written += f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        secondWriter.close();

        int stored = 0;
        for (CitizenId citizen : citizens) {
            stored += assertChain(citizen);
        }
        assertThat(stored).isEqualTo(written).isEqualTo(threads * perThread);
        assertThat(appender.racesLost() - racesBefore + secondAppender.racesLost())
                .as("writers raced for the same sequence numbers and retried").isPositive();
    }

    @Test
    void givenASearchShowingTwoCitizens_whenRecorded_thenBothEntriesExtendTheirChains() {
        CitizenId mia = CitizenId.random();
        Actor actor = Actor.staff("chain-search", new OfficeCode("33"));
        recorder.record(record(actor, mia));
        CitizenId ole = CitizenId.random();

        recorder.recordSearch(new de.eakte.core.access.SearchRecord(UUID.randomUUID(), clock.instant(), actor,
                        de.eakte.core.access.SearchScope.CITIZENS, "query=test", AccessOutcome.GRANTED, "search", 2,
                        "AMTSHILFE", "VwVfG §§ 4-8", "Pruefung im Test", "corr-chain"),
                List.of(record(actor, mia), record(actor, ole)));

        assertThat(assertChain(mia)).isEqualTo(2);
        assertThat(assertChain(ole)).isEqualTo(1);
        // the citizen's log names each entry's event, its place in the chain and its link
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM citizen_access_log WHERE citizen_id = ?", Integer.class, mia.toString()) == 2);
        List<java.util.Map<String, Object>> rows = jdbc.queryForList("SELECT event_id, chain_sequence, previous_hash "
                + "FROM citizen_access_log WHERE citizen_id = ? ORDER BY chain_sequence", mia.toString());
        List<java.util.Map<String, Object>> stored = jdbc.queryForList("SELECT event_identifier, sequence_number "
                + "FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                CitizenAccessLog.aggregateId(mia));
        for (int i = 0; i < 2; i++) {
            assertThat(rows.get(i).get("event_id")).isEqualTo(stored.get(i).get("event_identifier"));
            assertThat(((Number) rows.get(i).get("chain_sequence")).longValue()).isEqualTo(i);
        }
        assertThat(rows.get(0).get("previous_hash")).isNull();
        assertThat(rows.get(1).get("previous_hash")).isNotNull();
    }

    private AccessRecord record(Actor actor, CitizenId citizen) {
        return new AccessRecord(UUID.randomUUID(), clock.instant(), actor, citizen, AccessOutcome.GRANTED,
                "case-context", Set.of(DataCategory.MASTER_DATA), List.of(), null, Channel.REST, "corr-chain");
    }

    /** Checks one chain row by row; answers its length. */
    private int assertChain(CitizenId citizen) {
        List<StoredEvent> rows = jdbc.query("""
                SELECT global_index, event_identifier, aggregate_identifier, sequence_number, aggregate_type,
                  time_stamp, payload_type, payload_revision, payload, meta_data
                FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""",
                (rs, i) -> new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9),
                        rs.getBytes(10)), CitizenAccessLog.aggregateId(citizen));
        assertThat(rows).isNotEmpty();
        for (int i = 0; i < rows.size(); i++) {
            StoredEvent row = rows.get(i);
            JsonNode payload = JSON.readTree(row.payload());
            assertThat(row.sequenceNumber()).as("gap-free from 0").isEqualTo(i);
            assertThat(row.aggregateType()).isEqualTo(CitizenAccessLog.TYPE);
            assertThat(payload.path("citizenId").asString()).isEqualTo(citizen.toString());
            assertThat(row.eventIdentifier()).isEqualTo(payload.path("accessId").asString());
            if (i == 0) {
                assertThat(payload.path("previousHash").isNull()).as("the first link names no predecessor").isTrue();
            } else {
                assertThat(payload.path("previousHash").asString()).as("link " + i)
                        .isEqualTo(Base64.getEncoder().encodeToString(rows.get(i - 1).leafHash()));
            }
        }
        return rows.size();
    }
}
