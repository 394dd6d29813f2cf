package de.eakte.api.ledger;

import de.eakte.audit.ledger.store.LedgerAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;

/**
 * Runs the appender on its own thread: one batch after another while events arrive, a short
 * pause when there is nothing to do or a gap is being waited for.
 */
public class LedgerRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LedgerRunner.class);

    private final LedgerAppender appender;
    private final Runnable publishKey;
    private final Duration pollInterval;
    private volatile boolean running;
    private Thread thread;

    public LedgerRunner(LedgerAppender appender, Runnable publishKey, Duration pollInterval) {
        this.appender = appender;
        this.publishKey = publishKey;
        this.pollInterval = pollInterval;
    }

    @Override
    public synchronized void start() {
        publishKey.run(); // before the first checkpoint it signs
        running = true;
        thread = new Thread(this::run, "ledger-appender");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long failures = 0;
        while (running) {
            try {
                LedgerAppender.Step step = appender.step();
                failures = 0;
                if (step.appended() == 0 || step.waitingAtGap()) {
                    pause(pollInterval);
                }
            } catch (RuntimeException e) {
                failures++;
                if (failures == 1 || failures % 100 == 0) {
                    log.warn("ledger: appending failed ({} times in a row); retrying: {}", failures, e.toString());
                }
                pause(pollInterval.multipliedBy(Math.min(failures, 20)));
            }
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public synchronized void stop() {
        running = false; // not interrupted: a batch in flight finishes its transaction
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the event processors, so they are up when the first leaves land; stopped before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
