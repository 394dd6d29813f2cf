package de.eakte.api.ledger;

import de.eakte.api.cli.LedgerCommandAccess;
import de.eakte.api.support.PostgresApiTest;
import de.eakte.api.support.PostgresDatabase;
import de.eakte.audit.ledger.checkpoint.NoteSigner;
import de.eakte.audit.ledger.store.JdbcLedger;
import de.eakte.audit.ledger.store.LedgerAppender;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tampering with PostgreSQL rows directly, and what {@code ledger verify} says about it. Each test
 * copies the shared store's events into a database of its own, builds the ledger there with a
 * signing key, damages it in one way and runs the command as an operator would.
 */
class LedgerTamperIT extends PostgresApiTest {

    private static final int BATCH = 16;

    private JdbcTemplate copy;
    private String url;
    private long gap;
    private NoteSigner signer;

    @BeforeEach
    void aLedgerOfItsOwn() {
        // some history in the shared store: writes, granted and denied reads
        String staff = staffToken("tamper-clerk", "33");
        for (int i = 0; i < 6; i++) {
            String citizenId = createCitizen(staff, citizenBody("Tamper", "Tom" + i, "1970-01-1" + i));
            opened(staff, citizenId, "identity-card", "Antrag " + i);
            http.get("/api/citizens/" + citizenId + "/file").token(staffToken("tamper-other", "32")).send();
        }
        url = PostgresDatabase.fresh("tamper");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, PostgresDatabase.user(),
                PostgresDatabase.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/eventstore",
                "classpath:db/migration/audit").load().migrate();
        copy = new JdbcTemplate(dataSource);
        List<Map<String, Object>> events = jdbc.queryForList("SELECT * FROM domain_event_entry ORDER BY global_index "
                + "FETCH FIRST 120 ROWS ONLY");
        // one event is left out, as a transaction rolled back after taking its global index would
        gap = ((Number) events.get(events.size() / 2).get("global_index")).longValue();
        for (Map<String, Object> e : events) {
            if (((Number) e.get("global_index")).longValue() == gap) {
                continue;
            }
            copy.update("INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, "
                            + "sequence_number, aggregate_type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e.get("global_index"), e.get("event_identifier"),
                    e.get("aggregate_identifier"), e.get("sequence_number"), e.get("aggregate_type"), e.get("time_stamp"),
                    e.get("payload_type"), e.get("payload_revision"), e.get("payload"), e.get("meta_data"));
        }
        byte[] seed = new byte[Ed25519PrivateKeyParameters.KEY_SIZE];
        new Random(7).nextBytes(seed);
        signer = new NoteSigner("eakte.test/tamper", new Ed25519PrivateKeyParameters(seed, 0));
        appendAll(dataSource);
    }

    private void appendAll(DriverManagerDataSource dataSource) {
        JdbcLedger ledger = new JdbcLedger(copy);
        ledger.publishKey(new JdbcLedger.PublishedKey(signer.keyHashHex(), signer.keyName(), signer.verifierKey(),
                "(test)", Clock.systemUTC().instant(), null), Clock.systemUTC().instant());
        new LedgerAppender(ledger, new TransactionTemplate(new DataSourceTransactionManager(dataSource)), signer,
                Clock.systemUTC(), System::nanoTime, new LedgerAppender.Settings(BATCH, Duration.ZERO, Duration.ofHours(1),
                Duration.ZERO, signer.keyName())).catchUp();
    }

    private LedgerCommandAccess.Result verify(String... extra) {
        String[] args = new String[3 + extra.length];
        args[0] = "verify";
        args[1] = "--spring.datasource.url=" + url;
        args[2] = "--spring.datasource.username=" + PostgresDatabase.user();
        System.arraycopy(extra, 0, args, 3, extra.length);
        return LedgerCommandAccess.run(args);
    }

    /** A leaf at the given share of the ledger (the shared store's history differs with the test order). */
    private long leafAt(double share) {
        return (long) (copy.queryForObject("SELECT COUNT(*) FROM ledger_leaf", Long.class) * share);
    }

    private long globalIndexOfLeaf(long leaf) {
        return copy.queryForObject("SELECT global_index FROM ledger_leaf WHERE leaf_index = ?", Long.class, leaf);
    }

    private long firstCheckpointAbove(long leaf) {
        return copy.queryForObject("SELECT MIN(tree_size) FROM ledger_checkpoint WHERE tree_size > ?", Long.class, leaf);
    }

    @Test
    void anHonestStoreVerifies() {
        LedgerCommandAccess.Result run = verify();
        assertThat(run.status()).as(run.out()).isZero();
        assertThat(run.out()).contains("OK").contains(copy.queryForObject("SELECT COUNT(*) FROM ledger_leaf", Long.class)
                + " leaves");
    }

    @Test
    void anUpdatedPayloadNamesItsLeafAndTheFirstCheckpointItBreaks() {
        long leaf = leafAt(0.6);
        copy.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
                "{\"forged\":true}".getBytes(StandardCharsets.UTF_8), globalIndexOfLeaf(leaf));
        LedgerCommandAccess.Result run = verify();
        assertThat(run.status()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("first bad leaf: " + leaf + ":").contains("altered")
                .contains("first broken checkpoint: " + firstCheckpointAbove(leaf) + ":");
    }

    @Test
    void aDeletedAccessEventNamesItsLeaf() {
        long globalIndex = copy.queryForObject("SELECT MIN(global_index) FROM domain_event_entry WHERE payload_type LIKE "
                + "'%AccessRecorded'", Long.class);
        long leaf = copy.queryForObject("SELECT leaf_index FROM ledger_leaf WHERE global_index = ?", Long.class, globalIndex);
        copy.update("DELETE FROM domain_event_entry WHERE global_index = ?", globalIndex);
        LedgerCommandAccess.Result run = verify();
        assertThat(run.status()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("first bad leaf: " + leaf + ":").contains("deleted")
                .contains("first broken checkpoint: " + firstCheckpointAbove(leaf) + ":");
    }

    @Test
    void twoSwappedEventsNameTheFirstOfThem() {
        long first = leafAt(0.3);
        long a = globalIndexOfLeaf(first);
        long b = globalIndexOfLeaf(leafAt(0.8));
        copy.update("UPDATE domain_event_entry SET global_index = -1 WHERE global_index = ?", a);
        copy.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = ?", a, b);
        copy.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = -1", b);
        LedgerCommandAccess.Result run = verify();
        assertThat(run.status()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("first bad leaf: " + first + ":").contains("reordered")
                .contains("first broken checkpoint: " + firstCheckpointAbove(first) + ":");
    }

    @Test
    void anEventInsertedBelowTheHeadHasNoLeaf() {
        long after = copy.queryForObject("SELECT MIN(leaf_index) FROM ledger_leaf WHERE global_index > ?", Long.class, gap);
        copy.update("INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number, "
                + "aggregate_type, time_stamp, payload_type, payload_revision, payload, meta_data) VALUES (?, 'forged', "
                + "'forged', 0, NULL, '2026-01-01T00:00:00Z', 'de.eakte.core.access.AccessRecorded', '1', ?, NULL)",
                gap, "{}".getBytes(StandardCharsets.UTF_8));
        LedgerCommandAccess.Result run = verify();
        assertThat(run.status()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("EVENT_INSERTED").contains("event forged at global index " + gap)
                .contains("first bad leaf: " + after + ":");
    }

    @Test
    void aRewrittenAndReSignedHistoryIsCaughtOnlyByACheckpointKeptOutside(@TempDir Path outside) throws Exception {
        String handedOut = copy.queryForObject("SELECT note FROM ledger_checkpoint ORDER BY tree_size DESC "
                + "FETCH FIRST 1 ROWS ONLY", String.class);
        long size = copy.queryForObject("SELECT MAX(tree_size) FROM ledger_checkpoint", Long.class);
        Path trusted = outside.resolve("checkpoints.txt");
        Files.writeString(trusted, handedOut + "\n", StandardCharsets.UTF_8);

        // an insider with the database and the stolen key: alter an event, then rebuild and re-sign the ledger
        copy.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
                "{\"forged\":true}".getBytes(StandardCharsets.UTF_8), globalIndexOfLeaf(leafAt(0.25)));
        copy.update("DELETE FROM ledger_checkpoint");
        copy.update("DELETE FROM ledger_node");
        copy.update("DELETE FROM ledger_leaf");
        copy.update("DELETE FROM ledger_gap");
        copy.update("UPDATE ledger_head SET tree_size = 0, high_water = 0");
        appendAll((DriverManagerDataSource) copy.getDataSource());

        LedgerCommandAccess.Result alone = verify();
        assertThat(alone.status()).as("a consistent forgery signed with the real key: " + alone.out()).isZero();
        LedgerCommandAccess.Result checked = verify("--trusted", trusted.toString());
        assertThat(checked.status()).as(checked.out()).isEqualTo(1);
        assertThat(checked.out()).contains("TRUSTED_CHECKPOINT").contains("first broken checkpoint: " + size + ":")
                .contains("history was rewritten");
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsRefused(@TempDir Path outside) throws Exception {
        byte[] seed = new byte[Ed25519PrivateKeyParameters.KEY_SIZE];
        new Random(8).nextBytes(seed);
        NoteSigner stranger = new NoteSigner("eakte.test/tamper", new Ed25519PrivateKeyParameters(seed, 0));
        long size = copy.queryForObject("SELECT MAX(tree_size) FROM ledger_checkpoint", Long.class);
        String forged = stranger.sign(new de.eakte.audit.ledger.checkpoint.Checkpoint("eakte.test/tamper", size,
                new byte[32], Clock.systemUTC().instant()));
        copy.update("UPDATE ledger_checkpoint SET note = ? WHERE tree_size = ?", forged, size);
        LedgerCommandAccess.Result run = verify();
        assertThat(run.status()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("CHECKPOINT_SIGNATURE").contains("first broken checkpoint: " + size + ":");
    }
}
