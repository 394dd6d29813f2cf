package de.eakte.audit.ledger.store;

import de.eakte.audit.ledger.StoredEvent;
import de.eakte.audit.ledger.checkpoint.Checkpoint;
import de.eakte.audit.ledger.checkpoint.NoteSigner;
import de.eakte.audit.ledger.tree.MerkleFrontier;
import de.eakte.audit.ledger.tree.StoredNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Turns stored events into leaves. It reads the event table itself in global-index order, not
 * through a tracking token, because a gap-aware token can pass over an event whose transaction
 * commits late (AxonFramework #4829). At a gap it waits a bounded time for the older transaction;
 * then it moves on and keeps watching the gap, so an event that still commits there becomes a later
 * leaf instead of being skipped. Each batch, its nodes, the new head and (at most once per interval)
 * a signed checkpoint are one transaction, under a lock on the head row, so several instances take
 * turns and never fork the tree.
 */
public class LedgerAppender {

    private static final Logger log = LoggerFactory.getLogger(LedgerAppender.class);

    public record Settings(int batchSize, Duration gapWait, Duration gapWatch, Duration checkpointInterval,
                           String origin) {
    }

    private final JdbcLedger ledger;
    private final TransactionTemplate transactions;
    private final NoteSigner signer;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final Settings settings;

    private MerkleFrontier frontier;
    private long gapIndex = -1;
    private long gapSeenNanos;
    private long lastCheckpointNanos;
    private long lastCheckpointSize = -1;
    private long lastLateCheckNanos;

    public LedgerAppender(JdbcLedger ledger, TransactionTemplate transactions, NoteSigner signer, Clock clock,
                          LongSupplier nanoTime, Settings settings) {
        this.ledger = ledger;
        this.transactions = transactions;
        this.signer = signer;
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.settings = settings;
        this.lastCheckpointNanos = nanoTime.getAsLong() - settings.checkpointInterval().toNanos();
        this.lastLateCheckNanos = lastCheckpointNanos;
    }

    /** What one step did. */
    public record Step(int appended, boolean checkpointed, boolean waitingAtGap) {
        public boolean idle() {
            return appended == 0 && !checkpointed;
        }
    }

    /**
     * Appends one batch (or nothing) and signs a checkpoint when one is due. Safe to call from
     * several threads or instances: the head row lock orders them.
     */
    public synchronized Step step() {
        try {
            return transactions.execute(status -> appendBatch());
        } catch (RuntimeException e) {
            frontier = null; // the transaction rolled back: re-read the tree's edge next time
            throw e;
        }
    }

    private Step appendBatch() {
        JdbcLedger.Head head = ledger.lockHead();
        if (frontier == null || frontier.size() != head.treeSize()) {
            frontier = MerkleFrontier.restore(head.treeSize(), ledger);
            lastCheckpointSize = -1; // another instance may have signed meanwhile: re-read, never sign a size twice
        }
        long now = nanoTime.getAsLong();
        List<StoredEvent> batch = new ArrayList<>();
        if (now - lastLateCheckNanos >= Duration.ofSeconds(1).toNanos()) {
            lastLateCheckNanos = now;
            batch.addAll(ledger.lateEvents());
            ledger.forgetGapsSeenBefore(clock.instant().minus(settings.gapWatch()));
        }
        long expected = head.highWater() + 1;
        boolean waiting = false;
        for (StoredEvent event : ledger.eventsAfter(head.highWater(), settings.batchSize())) {
            if (event.globalIndex() > expected) {
                if (gapIndex != expected) {
                    gapIndex = expected;
                    gapSeenNanos = now;
                }
                if (now - gapSeenNanos < settings.gapWait().toNanos()) {
                    waiting = true;
                    break; // an older transaction may still commit here: wait for it (bounded)
                }
                log.info("ledger: no event committed at global index {}..{} within {}; watching it for a late commit",
                        expected, event.globalIndex() - 1, settings.gapWait());
                ledger.watchGap(expected, event.globalIndex() - 1, clock.instant());
            }
            batch.add(event);
            expected = event.globalIndex() + 1;
        }
        if (batch.size() > settings.batchSize() * 2) {
            batch = batch.subList(0, settings.batchSize() * 2);
        }
        List<JdbcLedger.Leaf> leaves = new ArrayList<>(batch.size());
        List<StoredNode> nodes = new ArrayList<>(batch.size() * 2);
        long highWater = head.highWater();
        for (StoredEvent event : batch) {
            byte[] leafHash = event.leafHash();
            leaves.add(new JdbcLedger.Leaf(frontier.size(), event.globalIndex(), event.eventIdentifier(), leafHash));
            nodes.addAll(frontier.append(leafHash));
            highWater = Math.max(highWater, event.globalIndex());
        }
        if (!leaves.isEmpty()) {
            Instant at = clock.instant();
            ledger.insertLeaves(leaves, at);
            ledger.insertNodes(nodes);
            ledger.moveHead(new JdbcLedger.Head(frontier.size(), highWater));
        }
        boolean checkpointed = false;
        if (lastCheckpointSize < 0) {
            lastCheckpointSize = ledger.latestCheckpoint().map(JdbcLedger.StoredCheckpoint::treeSize).orElse(0L);
        }
        if (frontier.size() > lastCheckpointSize
                && now - lastCheckpointNanos >= settings.checkpointInterval().toNanos()) {
            sign();
            checkpointed = true;
        }
        return new Step(leaves.size(), checkpointed, waiting);
    }

    private void sign() {
        Instant at = clock.instant();
        byte[] root = frontier.root();
        Checkpoint checkpoint = new Checkpoint(settings.origin(), frontier.size(), root, at);
        ledger.insertCheckpoint(new JdbcLedger.StoredCheckpoint(frontier.size(), root, at, signer.keyHashHex(),
                signer.sign(checkpoint)));
        lastCheckpointSize = frontier.size();
        lastCheckpointNanos = nanoTime.getAsLong();
    }

    /** Appends until nothing is left or a gap is being waited for (tests, the CLI, shutdown). */
    public void catchUp() {
        Step step;
        do {
            step = step();
        } while (step.appended() > 0);
    }
}
