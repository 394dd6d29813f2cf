package de.eakte.api.ledger;

import de.eakte.audit.ledger.StoredEvent;
import de.eakte.audit.ledger.checkpoint.LedgerKeyFiles;
import de.eakte.audit.ledger.checkpoint.NoteSigner;
import de.eakte.audit.ledger.checkpoint.SignedCheckpoint;
import de.eakte.audit.ledger.store.JdbcLedger;
import de.eakte.audit.ledger.store.LedgerAppender;
import de.eakte.audit.ledger.tree.MerkleFrontier;
import de.eakte.audit.ledger.tree.MerkleProofs;
import de.eakte.audit.ledger.tree.MerkleVerifier;
import de.eakte.audit.ledger.verify.LedgerVerifier;
import de.eakte.audit.ledger.verify.Report;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The appender on the embedded H2 database with the real migrations: order, gaps, late commits, turns. */
class LedgerAppenderTest {

    private static final Duration GAP_WAIT = Duration.ofSeconds(1);

    private JdbcTemplate jdbc;
    private JdbcLedger ledger;
    private TransactionTemplate transactions;
    private NoteSigner signer;
    private final AtomicLong nanos = new AtomicLong();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/eventstore",
                "classpath:db/migration/audit").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        ledger = new JdbcLedger(jdbc);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        byte[] seed = new byte[Ed25519PrivateKeyParameters.KEY_SIZE];
        new java.util.Random(42).nextBytes(seed); // a fixed key: the same signatures every run
        signer = new NoteSigner("eakte.test/ledger", new Ed25519PrivateKeyParameters(seed, 0));
        ledger.publishKey(new JdbcLedger.PublishedKey(signer.keyHashHex(), signer.keyName(), signer.verifierKey(),
                LedgerKeyFiles.publicKeyPem(signer.publicKey()), clock.instant(), null), clock.instant());
    }

    private LedgerAppender appender(int batchSize) {
        return new LedgerAppender(ledger, transactions, signer, clock, nanos::get,
                new LedgerAppender.Settings(batchSize, GAP_WAIT, Duration.ofHours(1), Duration.ZERO, signer.keyName()));
    }

    private void event(long globalIndex) {
        jdbc.update("INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number, "
                        + "aggregate_type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                        + "VALUES (?, ?, ?, ?, 'Case', '2026-11-21T10:00:00Z', 'de.eakte.X', '1', ?, ?)",
                globalIndex, "event-" + globalIndex, "aggregate-" + (globalIndex % 3), globalIndex,
                ("{\"n\":" + globalIndex + "}").getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
    }

    private List<Long> leafOrder() {
        return jdbc.queryForList("SELECT global_index FROM ledger_leaf ORDER BY leaf_index", Long.class);
    }

    private Report verify() {
        return new LedgerVerifier(jdbc).verify(List.of(), List.of(), done -> { });
    }

    @Test
    void everyEventBecomesOneLeafInGlobalOrderAndTheSignedRootIsTheTreeOfTheirRows() {
        for (long i = 1; i <= 23; i++) {
            event(i);
        }
        LedgerAppender appender = appender(5);
        appender.catchUp();

        assertThat(leafOrder()).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 23).boxed().toList());
        MerkleFrontier recomputed = MerkleFrontier.empty();
        for (long i = 1; i <= 23; i++) {
            recomputed.append(ledger.event(i).orElseThrow().leafHash());
        }
        JdbcLedger.StoredCheckpoint latest = ledger.latestCheckpoint().orElseThrow();
        assertThat(latest.treeSize()).isEqualTo(23);
        assertThat(latest.rootHash()).isEqualTo(recomputed.root()).isEqualTo(MerkleProofs.root(23, ledger));
        SignedCheckpoint signed = SignedCheckpoint.parse(latest.note());
        assertThat(signed.verifiedBy(signer.verifierKey())).isTrue();
        assertThat(signed.checkpoint().size()).isEqualTo(23);
        // a checkpoint per batch, each consistent with the latest
        List<Long> sizes = jdbc.queryForList("SELECT tree_size FROM ledger_checkpoint ORDER BY tree_size", Long.class);
        assertThat(sizes).containsExactly(5L, 10L, 15L, 20L, 23L);
        for (long size : sizes) {
            byte[] root = ledger.checkpoint(size).orElseThrow().rootHash();
            assertThat(MerkleVerifier.consistency(size, 23, root, latest.rootHash(),
                    MerkleProofs.consistency(size, 23, ledger))).isTrue();
        }
        StoredEvent seventh = ledger.event(7).orElseThrow();
        assertThat(MerkleVerifier.inclusion(seventh.leafHash(), 6, 23, MerkleProofs.inclusion(6, 23, ledger),
                latest.rootHash())).isTrue();
        assertThat(verify().ok()).isTrue();
    }

    @Test
    void atAGapItWaitsBoundedThenMovesOnAndAnEventCommittedLateBecomesALaterLeaf() {
        event(1);
        event(2);
        event(4);
        LedgerAppender appender = appender(100);

        LedgerAppender.Step first = appender.step();
        assertThat(first.appended()).isEqualTo(2);
        assertThat(first.waitingAtGap()).isTrue();
        nanos.addAndGet(GAP_WAIT.toNanos() / 2);
        assertThat(appender.step().appended()).isZero(); // still waiting for global index 3
        nanos.addAndGet(GAP_WAIT.toNanos());
        assertThat(appender.step().appended()).isEqualTo(1); // gave up waiting: 4 is appended, 3 is watched
        assertThat(leafOrder()).containsExactly(1L, 2L, 4L);

        event(3); // the older transaction commits after all
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(appender.step().appended()).isEqualTo(1);
        assertThat(leafOrder()).containsExactly(1L, 2L, 4L, 3L);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(appender.step().appended()).isZero(); // never twice
        assertThat(verify().ok()).isTrue();
    }

    @Test
    void withManyWatchedGapsEventsCommittedLateInSomeBecomeLaterLeavesInOrder() {
        event(1);
        for (long i = 2; i <= 122; i += 2) {
            event(i); // 3, 5, ..., 121 stay open: 60 gaps, more than are read one range each
        }
        LedgerAppender appender = appender(100);
        for (int i = 0; i < 200 && ledger.head().highWater() < 122; i++) {
            appender.step();
            nanos.addAndGet(GAP_WAIT.toNanos() + 1);
        }
        assertThat(leafOrder()).hasSize(62);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_gap", Long.class)).isEqualTo(60);

        event(121);
        event(3);
        event(61);
        assertThat(appender.step().appended()).isEqualTo(3);
        assertThat(leafOrder()).hasSize(65).endsWith(3L, 61L, 121L).doesNotHaveDuplicates();
        nanos.addAndGet(GAP_WAIT.toNanos());
        assertThat(appender.step().appended()).isZero(); // never twice
        assertThat(verify().ok()).isTrue();
    }

    @Test
    void twoInstancesTakeTurnsOnOneTreeAndARestartContinuesIt() {
        LedgerAppender one = appender(3);
        LedgerAppender two = appender(4);
        long next = 1;
        for (int round = 0; round < 6; round++) {
            for (int i = 0; i < 5; i++) {
                event(next++);
            }
            (round % 2 == 0 ? one : two).step();
            (round % 2 == 0 ? two : one).step();
        }
        appender(7).catchUp(); // a restarted instance restores the edge from the stored nodes
        one.catchUp();
        assertThat(leafOrder()).hasSize(30).doesNotHaveDuplicates();
        assertThat(ledger.head().treeSize()).isEqualTo(30);
        Report report = verify();
        assertThat(report.findings()).isEmpty();
        assertThat(report.checkpoints()).isGreaterThan(5);
    }
}
