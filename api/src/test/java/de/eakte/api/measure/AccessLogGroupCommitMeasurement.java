package de.eakte.api.measure;

import de.eakte.api.EakteApplication;
import de.eakte.api.support.PostgresDatabase;
import de.eakte.audit.access.AccessLogAppender;
import de.eakte.audit.access.AccessLogRetention;
import de.eakte.audit.access.AccessLogSink;
import de.eakte.core.crypto.FieldSealer;
import de.eakte.audit.access.EventStoreAccessRecorder;
import de.eakte.core.access.AccessNotRecordedException;
import de.eakte.core.access.AccessOutcome;
import de.eakte.core.access.AccessRecord;
import de.eakte.core.access.AccessRecorder;
import de.eakte.core.access.Channel;
import de.eakte.core.access.DataCategory;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.OfficeCode;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Not a test: a measurement of access recording on PostgreSQL for
 * docs/decisions/0006-access-log-group-commit.md: entries/s and the p99 wait of a caller at 1, 8
 * and 32 concurrent callers, one commit per entry against the group-committing writer. Prints;
 * asserts nothing. Run it with the test classpath, e.g. from the IDE or
 * {@code mvn -o -pl api exec:java}-like tooling; see the decision record.
 */
public final class AccessLogGroupCommitMeasurement {

    private static final Actor CLERK = Actor.staff("measure", new OfficeCode("33"));

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        List<String> props = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=WARN",
                "--eakte.data-dir=" + Files.createTempDirectory("eakte-measure"),
                "--spring.datasource.url=" + PostgresDatabase.url(),
                "--spring.datasource.username=" + PostgresDatabase.user(),
                "--spring.datasource.hikari.maximum-pool-size=40",
                "--eakte.security.local-issuer.enabled=true"));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(EakteApplication.class)
                .run(props.toArray(String[]::new))) {
            AccessRecorder grouped = app.getBean(AccessRecorder.class);
            AccessRecorder direct = new EventStoreAccessRecorder(AccessLogSink.direct(app.getBean(AccessLogAppender.class)),
                    app.getBean(FieldSealer.class), app.getBean(AccessLogRetention.class));
            List<CitizenId> citizens = new ArrayList<>();
            Random random = new Random(20261121);
            for (int i = 0; i < 10_000; i++) {
                citizens.add(new CitizenId(new UUID(random.nextLong(), random.nextLong())));
            }
            run("warm-up grouped", grouped, 8, seconds * 2, citizens);
            run("warm-up direct", direct, 8, seconds, citizens);
            for (int callers : new int[] {1, 8, 32}) {
                run("one commit per entry", direct, callers, seconds, citizens);
                run("group commit", grouped, callers, seconds, citizens);
            }
        }
        // Axon's event-store janitor thread is not a daemon and outlives the closed context
        System.exit(0);
    }

    private static void run(String what, AccessRecorder recorder, int callers, int seconds, List<CitizenId> citizens)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<long[]>> results = new ArrayList<>();
        java.util.concurrent.atomic.AtomicLong failed = new java.util.concurrent.atomic.AtomicLong();
        long start = System.nanoTime();
        for (int t = 0; t < callers; t++) {
            Random random = new Random(t);
            results.add(pool.submit(() -> {
                long[] waits = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    long before = System.nanoTime();
                    try {
                        recorder.record(new AccessRecord(UUID.randomUUID(), Instant.now(), CLERK,
                                citizens.get(random.nextInt(citizens.size())), AccessOutcome.GRANTED, "case-context",
                                Set.of(DataCategory.MASTER_DATA), List.of(), null, Channel.REST, null));
                    } catch (AccessNotRecordedException e) {
                        failed.incrementAndGet();
                        continue;
                    }
                    if (n == waits.length) {
                        waits = Arrays.copyOf(waits, n * 2);
                    }
                    waits[n++] = System.nanoTime() - before;
                }
                return Arrays.copyOf(waits, n);
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> f : results) {
            for (long w : f.get()) {
                all.add(w);
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        all.sort(Long::compare);
        long p99 = all.isEmpty() ? 0 : all.get((int) Math.min(all.size() - 1, Math.ceil(all.size() * 0.99) - 1));
        System.out.printf("MEASURED %-22s callers %2d  %,8.0f entries/s  p99 %7.2f ms  (%d entries, %d refused)%n",
                what, callers, all.size() / elapsed, p99 / 1e6, all.size(), failed.get());
    }
}
