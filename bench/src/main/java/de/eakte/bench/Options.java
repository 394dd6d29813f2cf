package de.eakte.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** Command-line options of the bench; every scenario takes the same set. */
record Options(int citizens, int cases, int concurrency, Duration warmup, Duration duration, String db,
               String dbUser, String dbPassword, boolean keepDb, Path serverJar, Path serverExt,
               int generatorConcurrency, boolean jfr, String serverHeap, Duration progressEvery, boolean limits,
               long seed, long ledgerLeaves, int ledgerRate, Path reuse, Duration catchUp, boolean bulk) {

    static final String USAGE = """
            usage: java -jar bench/target/eakte-bench.jar <scenario> [options]
            scenarios: open-case (a), file-read (b), recording-cost (c), access-log (d), search (e),
                       rebuild (f), ledger (g), all (a..g on one data set), jmh [JMH options],
                       generate (only the data set, kept with its database for --reuse)
            options:
              --citizens N        citizens generated (default 100000)
              --cases M           cases generated across the seeded offices and case types (default 500000)
              --concurrency C     concurrent clients while measuring (default 32)
              --warmup 60s        load before measuring (JIT warm-up; default 60s)
              --duration 60s      measured load per scenario (default 60s)
              --db URL            PostgreSQL server (default jdbc:postgresql://127.0.0.1:5432/); the bench creates
                                  its own database eakte_bench_* there and drops it at the end
              --db-user U, --db-password P   (default postgres, empty)
              --keep-db           keep the database afterwards
              --catch-up 30m      longest wait for the read models to reach the event store's head before a read
                                  scenario (they follow asynchronously; reading ahead of them gives 404s)
              --reuse DIR         run on the database and data set of an earlier run kept in DIR (the data
                                  directory it printed, holding bench-dataset.tsv); no generation, nothing dropped
              --server-jar PATH   the server (default api/target/eakte.jar)
              --server-ext PATH   the bench's server extension (default eakte-bench-server-ext.jar beside this jar)
              --generators G      concurrent HTTP clients generating the data set (default 16)
              --bulk              generate the same data set (same seed, same rows) in batches of 200 through the
                                  bench's bulk endpoint in the server: the real command handlers, data keys and file
                                  references, one transaction per batch, at most 4 batches at once; the read models
                                  are then built by the server from these events as always (for 1,000,000 citizens)
              --server-heap 1g    the server's -Xmx (default 1g)
              --jfr               record the server with Java Flight Recorder (file printed at the end)
              --no-limits         skip the limit runs (JDBC insert loop, ceiling endpoint, plain SQL)
              --seed S            random seed of the data set (default 42)
              --ledger-leaves L   (g): grow the ledger to L leaves by bulk-loading synthetic leaves and nodes,
                                  then measure inclusion proofs at that size (default 10000000; 0: skip)
              --ledger-rate R     (g): besides the audited reads, append R synthetic events a second straight into
                                  the event store (a payload type no handler knows), so the appender is measured at
                                  the target's 5,000 appends/s, which the reads alone do not reach (default 5000;
                                  0: reads only)""";

    static Options parse(String[] args, int from) {
        int citizens = 100_000;
        int cases = 500_000;
        int concurrency = 32;
        Duration warmup = Duration.ofSeconds(60);
        Duration duration = Duration.ofSeconds(60);
        String db = "jdbc:postgresql://127.0.0.1:5432/";
        String dbUser = "postgres";
        String dbPassword = "";
        boolean keepDb = false;
        Path serverJar = null;
        Path serverExt = null;
        int generators = 16;
        boolean jfr = false;
        String heap = "1g";
        boolean limits = true;
        long seed = 42;
        long ledgerLeaves = 10_000_000L;
        int ledgerRate = 5_000;
        Path reuse = null;
        Duration catchUp = Duration.ofMinutes(30);
        boolean bulk = false;
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--keep-db" -> keepDb = true;
                case "--jfr" -> jfr = true;
                case "--no-limits" -> limits = false;
                case "--bulk" -> bulk = true;
                default -> {
                    if (i + 1 >= args.length || !a.startsWith("--")) {
                        throw new IllegalArgumentException("unexpected argument: " + a);
                    }
                    String v = args[++i];
                    switch (a) {
                        case "--citizens" -> citizens = Integer.parseInt(v.replace("_", ""));
                        case "--cases" -> cases = Integer.parseInt(v.replace("_", ""));
                        case "--concurrency" -> concurrency = Integer.parseInt(v);
                        case "--warmup" -> warmup = duration(v);
                        case "--duration" -> duration = duration(v);
                        case "--db" -> db = v;
                        case "--db-user" -> dbUser = v;
                        case "--db-password" -> dbPassword = v;
                        case "--server-jar" -> serverJar = Path.of(v);
                        case "--server-ext" -> serverExt = Path.of(v);
                        case "--generators" -> generators = Integer.parseInt(v);
                        case "--server-heap" -> heap = v;
                        case "--seed" -> seed = Long.parseLong(v);
                        case "--ledger-leaves" -> ledgerLeaves = Long.parseLong(v.replace("_", ""));
                        case "--ledger-rate" -> ledgerRate = Integer.parseInt(v.replace("_", ""));
                        case "--catch-up" -> catchUp = duration(v);
                        case "--reuse" -> reuse = Path.of(v).toAbsolutePath();
                        default -> throw new IllegalArgumentException("unknown option: " + a);
                    }
                }
            }
        }
        if (citizens < 1 || cases < 0 || concurrency < 1 || generators < 1 || ledgerRate < 0) {
            throw new IllegalArgumentException("citizens, concurrency and generators must be positive");
        }
        return new Options(citizens, cases, concurrency, warmup, duration, db, dbUser, dbPassword, keepDb || reuse != null,
                serverJar != null ? serverJar : locate("eakte.bench.api-jar", Path.of("api", "target", "eakte.jar"),
                        Path.of("..", "..", "api", "target", "eakte.jar")),
                serverExt != null ? serverExt : locate("eakte.bench.server-ext", null, Path.of("eakte-bench-server-ext.jar")),
                generators, jfr, heap, Duration.ofSeconds(5), limits, seed, ledgerLeaves, ledgerRate, reuse, catchUp, bulk);
    }

    /** 60s, 2m, 500ms, or a plain number of seconds. */
    static Duration duration(String v) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        if (s.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
        }
        if (s.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)));
        }
        if (s.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(s));
    }

    /** A system property, else relative to the working directory, else relative to where this code lives. */
    private static Path locate(String property, Path fromWorkingDir, Path besideCode) {
        String p = System.getProperty(property);
        if (p != null) {
            return Path.of(p);
        }
        if (fromWorkingDir != null && Files.exists(fromWorkingDir)) {
            return fromWorkingDir;
        }
        try {
            Path here = Path.of(Options.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(here) ? here.getParent() : here.getParent();
            return dir.resolve(besideCode).normalize();
        } catch (Exception e) {
            return besideCode;
        }
    }
}
