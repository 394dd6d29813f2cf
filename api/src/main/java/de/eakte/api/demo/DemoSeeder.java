package de.eakte.api.demo;

import de.eakte.api.demo.DemoData.CitizenPlan;
import de.eakte.api.demo.DemoData.Plan;
import de.eakte.api.demo.DemoData.Step;
import de.eakte.api.web.Commands;
import de.eakte.core.cases.AddEntry;
import de.eakte.core.cases.OpenCase;
import de.eakte.core.catalogue.Catalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a {@link DemoData} plan through the command gateway, as staff would, but only into an
 * empty event store: demo citizens must never mix with real ones, and a second start must not
 * seed twice.
 */
public class DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    /** Citizens are independent aggregates; a few threads keep the database busy without contention. */
    private static final int THREADS = 3;
    private static final int PROGRESS_EVERY = 50;

    private final Commands commands;
    private final JdbcTemplate jdbc;
    private final Catalogue catalogue;
    private final Clock clock;

    public DemoSeeder(Commands commands, JdbcTemplate jdbc, Catalogue catalogue, Clock clock) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** Seeds the population of this seed, or logs why not. Returns whether it seeded. */
    public boolean seed(long seed, int citizens) {
        Long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        if (events == null || events > 0) {
            log.info("demo data skipped: the store is not empty");
            return false;
        }
        long started = System.nanoTime();
        Plan plan = DemoData.plan(seed, citizens, catalogue, clock.instant());
        log.info("demo data: seeding {} citizens (seed {})", plan.citizens().size(), seed);
        send(plan);
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info("demo data: {} citizens, {} cases, {} entries in {} s", plan.citizens().size(),
                plan.count(OpenCase.class), plan.count(AddEntry.class), String.format(Locale.ROOT, "%.1f", seconds));
        return true;
    }

    private void send(Plan plan) {
        int total = plan.citizens().size();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "demo-data-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (CitizenPlan citizen : plan.citizens()) {
                sent.add(pool.submit(() -> {
                    for (Step step : citizen.steps()) {
                        commands.send(step.command(), step.actor(), citizen.correlationId());
                    }
                    int n = done.incrementAndGet();
                    if (n % PROGRESS_EVERY == 0 && n < total) {
                        log.info("demo data: {}/{} citizens", n, total);
                    }
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("demo data failed after " + done.get() + " of " + total
                    + " citizens; the store now holds part of them", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("demo data interrupted after " + done.get() + " of " + total + " citizens", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
