package de.eakte.api.accesslog;

import de.eakte.api.support.PostgresApiTest;
import de.eakte.audit.access.AccessLogAppender;
import de.eakte.audit.access.ChainDraft;
import de.eakte.audit.access.CitizenAccessLog;
import de.eakte.audit.access.EventStoreAccessRecorder;
import de.eakte.audit.access.GroupCommitWriter;
import de.eakte.core.access.AccessNotRecordedException;
import de.eakte.core.access.AccessOutcome;
import de.eakte.core.access.AccessRecord;
import de.eakte.core.access.AccessRecorder;
import de.eakte.core.access.Channel;
import de.eakte.core.access.DataCategory;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.OfficeCode;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Group commit on PostgreSQL: concurrent requests' entries share transactions (PostgreSQL's xmin
 * names the transaction that inserted a row); a batch that fails fails each of its requests and
 * leaves nothing; a full queue and a wait that is too long are refusals; closing stores what was
 * queued. Writers here are held (not started) where a test needs their queue filled first.
 */
class GroupCommitIT extends PostgresApiTest {

    private static final Actor CLERK = Actor.staff("group-commit", new OfficeCode("33"));

    @Autowired
    private AccessRecorder recorder;

    @Autowired
    private AccessLogAppender appender;

    @Autowired
    private de.eakte.core.crypto.FieldSealer sealer;

    @Autowired
    private de.eakte.audit.access.AccessLogRetention retention;

    @Test
    void givenThirtyTwoConcurrentReads_whenRecorded_thenTheyShareFewerTransactionsThanEntries() throws Exception {
        List<CitizenId> citizens = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            citizens.add(CitizenId.random());
        }
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int i = 0; i < 320; i++) {
            CitizenId citizen = citizens.get(i % citizens.size());
            done.add(CompletableFuture.runAsync(() -> recorder.record(record(citizen)), pool));
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        pool.shutdown();

        List<String> ids = citizens.stream().map(CitizenAccessLog::aggregateId).toList();
        String in = String.join(",", ids.stream().map(id -> "?").toList());
        Integer entries = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier IN ("
                + in + ")", Integer.class, ids.toArray());
        Integer transactions = jdbc.queryForObject("SELECT COUNT(DISTINCT xmin::text) FROM domain_event_entry "
                + "WHERE aggregate_identifier IN (" + in + ")", Integer.class, ids.toArray());
        assertThat(entries).isEqualTo(320);
        assertThat(transactions).as("entries per commit: grouped").isLessThan(320 / 2);
    }

    @Test
    void givenABatchWithOneEntryTheDatabaseRefuses_whenWritten_thenEveryRequestOfItFailsAndNothingIsStored()
            throws Exception {
        GroupCommitWriter held = new GroupCommitWriter(appender, 100, 100, Duration.ofSeconds(30));
        AccessRecorder heldRecorder = new EventStoreAccessRecorder(held, sealer, retention);
        List<CitizenId> citizens = List.of(CitizenId.random(), CitizenId.random(), CitizenId.random());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<CompletableFuture<Void>> requests = new ArrayList<>();
        for (CitizenId citizen : citizens) {
            requests.add(CompletableFuture.runAsync(() -> heldRecorder.record(record(citizen)), pool));
        }
        // an event identifier longer than the column (255): a refusal that is no lost race
        CitizenId poisoned = CitizenId.random();
        requests.add(CompletableFuture.runAsync(() -> held.store(new AccessLogAppender.Unit(List.of(), List.of(
                new ChainDraft(poisoned, "x".repeat(300), clock.instant(), MetaData.emptyInstance(),
                        previous -> de.eakte.core.access.AccessRecorded.of(record(poisoned), sealer,
                        retention.keyFor(clock.instant(), null), previous))))), pool));
        await().atMost(Duration.ofSeconds(10)).until(() -> held.queued() == 4);

        held.start();

        for (CompletableFuture<Void> request : requests) {
            assertThatThrownBy(() -> request.get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(AccessNotRecordedException.class);
        }
        held.close();
        pool.shutdown();
        for (CitizenId citizen : List.of(citizens.get(0), citizens.get(1), citizens.get(2), poisoned)) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                    Integer.class, CitizenAccessLog.aggregateId(citizen))).isZero();
        }
    }

    @Test
    void givenAFullQueue_whenAnotherReadIsRecorded_thenItIsRefusedAtOnce() throws Exception {
        GroupCommitWriter held = new GroupCommitWriter(appender, 2, 100, Duration.ofSeconds(30));
        AccessRecorder heldRecorder = new EventStoreAccessRecorder(held, sealer, retention);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> heldRecorder.record(record(CitizenId.random())), pool);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> heldRecorder.record(record(CitizenId.random())), pool);
        await().atMost(Duration.ofSeconds(10)).until(() -> held.queued() == 2);

        assertThatThrownBy(() -> heldRecorder.record(record(CitizenId.random())))
                .isInstanceOf(AccessNotRecordedException.class).hasMessageContaining("queue is full");

        held.close(); // drains: the two queued ones are stored
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
        pool.shutdown();
    }

    @Test
    void givenAWriterThatDoesNotGetToIt_whenTheWaitIsExceeded_thenRefusedAndNeverStoredLater() {
        GroupCommitWriter held = new GroupCommitWriter(appender, 10, 100, Duration.ofMillis(300));
        CitizenId citizen = CitizenId.random();

        assertThatThrownBy(() -> new EventStoreAccessRecorder(held, sealer, retention).record(record(citizen)))
                .isInstanceOf(AccessNotRecordedException.class).hasMessageContaining("not stored within");

        held.close();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, CitizenAccessLog.aggregateId(citizen))).isZero();
    }

    @Test
    void givenQueuedEntries_whenTheWriterIsClosed_thenEachIsStoredBeforeCloseReturns() throws Exception {
        GroupCommitWriter held = new GroupCommitWriter(appender, 100, 100, Duration.ofSeconds(30));
        AccessRecorder heldRecorder = new EventStoreAccessRecorder(held, sealer, retention);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<CitizenId> citizens = new ArrayList<>();
        List<CompletableFuture<Void>> requests = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CitizenId citizen = CitizenId.random();
            citizens.add(citizen);
            requests.add(CompletableFuture.runAsync(() -> heldRecorder.record(record(citizen)), pool));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> held.queued() == 5);

        held.close();

        for (CitizenId citizen : citizens) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                    Integer.class, CitizenAccessLog.aggregateId(citizen))).isEqualTo(1);
        }
        for (CompletableFuture<Void> request : requests) {
            request.get(10, TimeUnit.SECONDS);
        }
        assertThatThrownBy(() -> heldRecorder.record(record(CitizenId.random())))
                .isInstanceOf(AccessNotRecordedException.class).hasMessageContaining("shutting down");
        pool.shutdown();
    }

    private AccessRecord record(CitizenId citizen) {
        return new AccessRecord(UUID.randomUUID(), clock.instant(), CLERK, citizen, AccessOutcome.GRANTED,
                "case-context", Set.of(DataCategory.MASTER_DATA), List.of(), null, Channel.REST, "corr-group");
    }
}
