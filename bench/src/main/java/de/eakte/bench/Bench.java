package de.eakte.bench;

import de.eakte.bench.load.Load;

import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * One bench session: a fresh database and data directory, the real server on them, the data set,
 * then the scenarios. Every scenario reports its figures and the limit beside them; correctness
 * (no errors, one access entry per audited read) is collected in {@link Report} for the smoke test.
 */
public final class Bench implements AutoCloseable {

    /** What a run measured and whether it was correct. */
    public static final class Report {
        public final List<Load.Result> results = new ArrayList<>();
        public final List<String> lines = new ArrayList<>();
        public final List<String> failures = new ArrayList<>();

        void check(boolean ok, String what) {
            if (!ok) {
                failures.add(what);
            }
        }
    }

    static final String PURPOSE = "AMTSHILFE";
    static final String REASON = "Lastmessung Bearbeitung";

    private final Options o;
    private final PrintStream out;
    private final Report report = new Report();
    private final Path dataDir;
    private final Database db;
    private final Tokens tokens;
    private Server server;
    private Http http;
    private DataSet data;
    private boolean staffReadsDone;

    private Bench(Options o, PrintStream out) throws Exception {
        this.o = o;
        this.out = out;
        if (o.reuse() != null) {
            this.dataDir = o.reuse();
            this.db = Database.existing(o, DataSet.database(dataDir));
            this.tokens = Tokens.loadIssuerKey(dataDir);
        } else {
            this.dataDir = Files.createTempDirectory("eakte-bench-");
            this.db = Database.create(o);
            this.tokens = Tokens.createIssuerKey(dataDir);
        }
    }

    /** Runs one scenario (or {@code all}) with its own data set and server; returns what it measured. */
    public static Report run(String scenario, Options o, PrintStream out) throws Exception {
        if (scenario.equals("generate") && !o.keepDb()) {
            throw new IllegalArgumentException("generate keeps its data set for --reuse: add --keep-db");
        }
        try (Bench b = new Bench(o, out)) {
            b.out.printf(Locale.ROOT, "eakte bench %s: %d citizens, %d cases, concurrency %d, warm-up %ds, duration %ds, %d cores, database %s%n",
                    scenario, o.citizens(), o.cases(), o.concurrency(), o.warmup().toSeconds(), o.duration().toSeconds(),
                    Runtime.getRuntime().availableProcessors(), b.db.name);
            b.startServer(scenario);
            if (o.reuse() != null) {
                b.data = DataSet.load(b.dataDir);
                b.note(String.format(Locale.ROOT, "data set reused from %s: %d citizens, %d cases generated, %d events in the store",
                        b.dataDir, b.data.size(), b.data.casesCreated.get(), b.db.events()));
            } else {
                long t0 = System.nanoTime();
                long[] cpu0 = b.cpuNanos();
                b.data = DataSet.generate(o, b.http, b.tokens, out);
                double seconds = (System.nanoTime() - t0) / 1e9;
                long[] cpu1 = b.cpuNanos();
                if (o.bulk()) {
                    long events = o.citizens() + b.data.casesCreated.get();
                    b.note(String.format(Locale.ROOT, "data set: %d citizens, %d cases created in bulk in %.1f s (%.0f events/s, "
                                    + "batches of %d, %d at once)", o.citizens(), b.data.casesCreated.get(), seconds, events / seconds,
                            DataSet.BULK_BATCH, Math.min(o.generatorConcurrency(), DataSet.BULK_CONCURRENCY)));
                } else {
                    b.note(String.format(Locale.ROOT, "data set: %d citizens, %d cases created over HTTP in %.1f s (%d generators)",
                            o.citizens(), b.data.casesCreated.get(), seconds, o.generatorConcurrency()));
                }
                long items = o.citizens() + b.data.casesCreated.get();
                b.note(String.format(Locale.ROOT, "   CPU per citizen or case created: server %.0f us, database %.0f us, bench %.0f us "
                                + "(the read models following meanwhile included)", (cpu1[0] - cpu0[0]) / 1000.0 / items,
                        (cpu1[1] - cpu0[1]) / 1000.0 / items, (cpu1[2] - cpu0[2]) / 1000.0 / items));
                b.data.save(b.dataDir, b.db.name);
            }
            b.awaitReadModels("the data set", "consolidated-file");
            b.db.analyze();
            switch (scenario) {
                case "generate" -> b.note("kept for --reuse " + b.dataDir + " (database " + b.db.name + ")");
                case "open-case" -> b.openCase();
                case "file-read" -> b.fileRead();
                case "recording-cost" -> b.recordingCost(false);
                case "access-log" -> b.accessLog();
                case "search" -> b.search();
                case "rebuild" -> b.rebuild();
                case "ledger" -> b.ledger();
                case "all" -> {
                    b.openCase();
                    b.fileRead();
                    b.accessLog();
                    b.search();
                    b.rebuild();
                    b.ledger();
                    b.recordingCost(false); // last: it restarts the server twice
                }
                default -> throw new IllegalArgumentException("unknown scenario: " + scenario + "\n" + Options.USAGE);
            }
            long serverErrors = b.server.errorLines();
            b.report.check(serverErrors == 0, "server log has " + serverErrors + " ERROR lines (" + b.server.log + ")");
            out.println();
            out.println("== summary ==");
            b.report.lines.forEach(out::println);
            out.println(b.report.failures.isEmpty() ? "correctness: OK" : "correctness: FAILED " + b.report.failures);
            return b.report;
        }
    }

    private void startServer(String label, String... args) throws Exception {
        server = Server.start(o, db, dataDir, label, args);
        http = new Http(server.base());
        out.println("server " + label + " up on port " + server.port + " (pid " + server.pid() + ", log " + server.log + ")");
    }

    private void restartServer(String label, String... args) throws Exception {
        stopServer();
        startServer(label, args);
    }

    private void stopServer() throws Exception {
        if (server != null) {
            server.close();
            long errors = server.errorLines();
            report.check(errors == 0, "server log has " + errors + " ERROR lines (" + server.log + ")");
            if (server.jfrFile != null) {
                note("JFR recording: " + server.jfrFile);
            }
            server = null;
        }
    }

    private void note(String line) {
        out.println(line);
        report.lines.add(line);
    }

    private Load.Result load(String name, Load.Op op) throws InterruptedException {
        return load(name, o.warmup(), op);
    }

    private Load.Result load(String name, Duration warmup, Load.Op op) throws InterruptedException {
        out.println("-- " + name);
        Load.Result r = Load.run(name, o.concurrency(), warmup, o.duration(), o.progressEvery(), o.seed(), out, op,
                this::cpuNanos);
        report.results.add(r);
        note(r.line());
        if (r.cpuPerOp() != null) {
            note("   " + r.cpuPerOp());
        }
        if (r.firstError() != null) {
            note("   first error: " + r.firstError());
            r.errorKinds().forEach((kind, count) -> note(String.format(Locale.ROOT, "   %,d x %s", count, kind)));
        }
        report.check(r.errors() == 0, r.name() + ": " + r.errors() + " errors, first: " + r.firstError());
        report.check(r.ok() > 0, r.name() + ": nothing completed");
        return r;
    }

    /**
     * CPU time used so far (ns): the server process, the PostgreSQL backends connected to the
     * bench's database (from /proc, Linux; 0 elsewhere), and this process.
     */
    private long[] cpuNanos() {
        long serverCpu = server == null ? 0 : ProcessHandle.of(server.pid()).flatMap(h -> h.info().totalCpuDuration())
                .map(Duration::toNanos).orElse(0L);
        long dbCpu = 0;
        try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database()");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                dbCpu += procCpuNanos(rs.getLong(1));
            }
        } catch (Exception e) {
            dbCpu = 0;
        }
        long benchCpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        return new long[]{serverCpu, dbCpu, benchCpu};
    }

    /** utime + stime of a process from /proc/<pid>/stat, in ns (clock ticks of 10 ms); 0 if unreadable. */
    private static long procCpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
        } catch (Exception e) {
            return 0;
        }
    }

    private void ratio(String what, Load.Result ours, Load.Result limit) {
        note(String.format(Locale.ROOT, "   ratio %s: %.1f / %.1f = %.2f", what, ours.throughput(), limit.throughput(),
                ours.throughput() / limit.throughput()));
    }

    private String citizen(SplittableRandom r) {
        return data.citizenIds[r.nextInt(data.size())];
    }

    // ---- read models caught up ----------------------------------------------------------------

    /**
     * Waits until the named tracking processors have handled every event stored so far. The read
     * models follow the event store asynchronously: a citizen created a moment ago is not yet in
     * the consolidated file (a read answers 404, and rightly records nothing) nor in the search (a
     * search finds nobody). Measured reads must ask for what exists, so each read scenario starts
     * once its read models are level with the store; the wait and the processors' rate are reported.
     */
    void awaitReadModels(String before, String... processors) throws Exception {
        long head = db.count("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry");
        long start = System.nanoTime();
        long deadline = start + o.catchUp().toNanos();
        java.util.Map<String, Long> first = trackedIndexes(processors);
        java.util.Map<String, Long> now = first;
        long lastPrint = start;
        while (now.values().stream().anyMatch(i -> i < head) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            now = trackedIndexes(processors);
            if (System.nanoTime() - lastPrint > o.progressEvery().toNanos()) {
                out.println("  read models behind the event store's head " + head + ": " + now);
                lastPrint = System.nanoTime();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        boolean caughtUp = now.values().stream().allMatch(i -> i >= head);
        if (seconds > 1 || !caughtUp) {
            StringBuilder rates = new StringBuilder();
            for (String p : processors) {
                rates.append(String.format(Locale.ROOT, " %s %+d events (%.0f/s)", p, now.get(p) - first.get(p),
                        (now.get(p) - first.get(p)) / Math.max(seconds, 0.001)));
            }
            note(String.format(Locale.ROOT, "read models before %s: %s after %.1f s at head %d:%s", before,
                    caughtUp ? "caught up" : "STILL BEHIND " + now, seconds, head, rates));
        }
        report.check(caughtUp, "read models before " + before + " still behind the event store after "
                + o.catchUp().toSeconds() + " s: " + now + " < " + head);
    }

    /** Each processor's position in the event store: the lowest of its segments' tokens (-1 before its first event). */
    private java.util.Map<String, Long> trackedIndexes(String... processors) throws Exception {
        java.util.Map<String, Long> positions = new java.util.LinkedHashMap<>();
        for (String p : processors) {
            positions.put(p, -1L);
        }
        java.util.regex.Pattern index = java.util.regex.Pattern.compile("\"index\"\\s*:\\s*(\\d+)");
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT processor_name, token FROM token_entry")) {
            java.util.Map<String, Long> lowest = new java.util.HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] token = rs.getBytes(2);
                    String json = token == null ? "" : new String(token, java.nio.charset.StandardCharsets.UTF_8);
                    int current = json.indexOf("\"currentToken\""); // a replay's position, not where it was reset
                    java.util.regex.Matcher m = index.matcher(current >= 0 ? json.substring(current) : json);
                    long at = m.find() ? Long.parseLong(m.group(1)) : -1;
                    lowest.merge(rs.getString(1), at, Math::min);
                }
            }
            for (String p : processors) {
                positions.put(p, lowest.getOrDefault(p, -1L));
            }
        }
        return positions;
    }

    // ---- (a) open case -----------------------------------------------------------------------

    void openCase() throws Exception {
        String[] staff = new String[100];
        for (String office : DataSet.OFFICES) {
            staff[Integer.parseInt(office)] = tokens.staff("bench-a-" + office, office);
        }
        AtomicLong n = new AtomicLong(1_000_000_000L);
        Load.Result r = load("(a) open case", rnd -> {
            String[] type = DataSet.caseType(rnd);
            expect(http.post("/api/citizens/" + citizen(rnd) + "/cases", staff[Integer.parseInt(type[0])],
                    DataSet.openCaseBody(type, n.incrementAndGet())), 201);
            return true;
        });
        if (o.limits()) {
            ratio("open case / JDBC insert", r, jdbcInsertLimit(r.ok()));
        }
    }

    /** The write limit: the same row count as one-row INSERT commits at the same concurrency, same database. */
    private Load.Result jdbcInsertLimit(long rows) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_limit_event (id BIGSERIAL PRIMARY KEY, aggregate_identifier VARCHAR(255) NOT NULL,"
                    + " sequence_number BIGINT NOT NULL, payload_type VARCHAR(255) NOT NULL, payload BYTEA NOT NULL,"
                    + " time_stamp VARCHAR(255) NOT NULL)");
        }
        ConcurrentLinkedQueue<Connection> pool = new ConcurrentLinkedQueue<>();
        ConcurrentHashMap<Thread, Connection> mine = new ConcurrentHashMap<>();
        byte[] payload = new byte[600];
        new SplittableRandom(1).nextBytes(payload);
        out.println("-- limit: JDBC one-row INSERT commits, " + rows + " rows");
        Load.Result r = Load.runCount("limit JDBC insert", o.concurrency(), rows, o.progressEvery(), out, i -> {
            Connection c = mine.computeIfAbsent(Thread.currentThread(), t -> {
                try {
                    Connection x = db.connect();
                    pool.add(x);
                    return x;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (PreparedStatement p = c.prepareStatement("INSERT INTO bench_limit_event (aggregate_identifier, sequence_number,"
                    + " payload_type, payload, time_stamp) VALUES (?, 0, 'de.eakte.core.cases.events.CaseOpened', ?, ?)")) {
                p.setString(1, java.util.UUID.randomUUID().toString());
                p.setBytes(2, payload);
                p.setString(3, java.time.Instant.now().toString());
                return p.executeUpdate() == 1;
            }
        });
        for (Connection c : pool) {
            c.close();
        }
        report.results.add(r);
        note(r.line());
        return r;
    }

    // ---- (b) staff consolidated-file read, recorded ------------------------------------------

    /** A consolidated-file read; counts the reads that returned data (each must have left one access entry). */
    private Load.Op staffRead(String token, AtomicLong served) {
        return rnd -> {
            expect(http.get("/api/citizens/" + citizen(rnd) + "/file", token,
                    "Access-Purpose", PURPOSE, "Access-Reason", REASON), 200);
            served.incrementAndGet();
            return true;
        };
    }

    /** Fails the call with the status and the start of the body, so the first error is readable. */
    static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            String body = response.body() == null ? "" : response.body();
            throw new IllegalStateException(response.request().method() + " " + response.uri().getPath() + ": "
                    + response.statusCode() + " " + body.substring(0, Math.min(300, body.length())));
        }
        return response;
    }

    void fileRead() throws Exception {
        awaitReadModels("(b)", "consolidated-file");
        String token = tokens.staff("bench-b", "33");
        long before = db.accessEntries();
        AtomicLong served = new AtomicLong();
        Load.Result r = load("(b) file read, recorded", staffRead(token, served));
        long entries = db.accessEntries() - before;
        note(String.format(Locale.ROOT, "   access entries: %d for %d reads that returned data, %d reads in all (warm-up included)",
                entries, served.get(), r.allCalls()));
        // a read whose entry could not be stored answers 503 without data (no entry, no data): not counted
        report.check(entries == served.get(), "(b) " + entries + " access entries for " + served.get() + " reads served");
        staffReadsDone = true;
        if (o.limits()) {
            ratio("file read / ceiling", r, ceiling(token));
        }
    }

    /** The read limit: the bench's own endpoint behind the same JWT validation, no database. */
    private Load.Result ceiling(String token) throws InterruptedException {
        Duration warmup = o.warmup().compareTo(Duration.ofSeconds(15)) > 0 ? Duration.ofSeconds(15) : o.warmup();
        return load("limit HTTP+JWT ceiling", warmup, rnd -> expect(http.get("/bench/ceiling", token), 200) != null);
    }

    // ---- (c) what recording costs ------------------------------------------------------------

    void recordingCost(boolean restoreServer) throws Exception {
        String token = tokens.staff("bench-c", "33");
        // both variants on a freshly started server, each with the same warm-up
        restartServer("recorded");
        long before = db.accessEntries();
        AtomicLong served = new AtomicLong();
        Load.Result with = load("(c) file read, recorded", staffRead(token, served));
        long entries = db.accessEntries() - before;
        report.check(entries == served.get(), "(c) " + entries + " access entries for " + served.get() + " reads served");
        restartServer("no-recorder", "--eakte.bench.no-recorder=true");
        before = db.accessEntries();
        Load.Result without = load("(c) file read, no recorder", staffRead(token, new AtomicLong()));
        long stray = db.accessEntries() - before;
        report.check(stray == 0, "(c) the no-op recorder variant left " + stray + " access entries");
        ratio("recorded / not recorded", with, without);
        note(String.format(Locale.ROOT, "   recording costs %.0f%% of the query path's throughput",
                100 * (1 - with.throughput() / without.throughput())));
        if (o.limits()) {
            Load.Result sql = jdbcReadLimit();
            ratio("recorded read / plain SQL read", with, sql);
        }
        if (restoreServer) {
            restartServer("main-2");
        }
    }

    /** The same read as plain SQL over JDBC: master data, the citizen's cases, their entries. */
    private Load.Result jdbcReadLimit() throws InterruptedException {
        ConcurrentHashMap<Thread, Connection> mine = new ConcurrentHashMap<>();
        Load.Result r = load("limit plain SQL read", Duration.ofSeconds(Math.min(15, o.warmup().toSeconds())), rnd -> {
            Connection c = mine.computeIfAbsent(Thread.currentThread(), t -> {
                try {
                    return db.connect();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            String id = citizen(rnd);
            int rows = 0;
            for (String sql : List.of("SELECT * FROM citizen_file_view WHERE citizen_id = ?",
                    "SELECT * FROM citizen_address_history WHERE citizen_id = ? ORDER BY event_sequence",
                    "SELECT * FROM case_view WHERE citizen_id = ? ORDER BY opened_at, file_reference",
                    "SELECT e.* FROM case_entry_view e JOIN case_view c ON c.case_id = e.case_id WHERE c.citizen_id = ?"
                            + " ORDER BY e.case_id, e.event_sequence")) {
                try (PreparedStatement p = c.prepareStatement(sql)) {
                    p.setString(1, id);
                    try (ResultSet rs = p.executeQuery()) {
                        while (rs.next()) {
                            rows++;
                        }
                    }
                }
            }
            return rows > 0;
        });
        for (Connection c : mine.values()) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing at the end
            }
        }
        return r;
    }

    // ---- (d) citizen access-log page ---------------------------------------------------------

    void accessLog() throws Exception {
        awaitReadModels("(d)", "consolidated-file", "citizen-access-log");
        int sample = Math.min(data.size(), 1000);
        if (!staffReadsDone) {
            String staff = tokens.staff("bench-d", "33");
            Load.Result seed = Load.runCount("seed access entries", o.concurrency(), sample, o.progressEvery(), out,
                    i -> http.get("/api/citizens/" + data.citizenIds[i] + "/file", staff, "Access-Purpose", PURPOSE,
                            "Access-Reason", REASON).statusCode() == 200);
            report.check(seed.errors() == 0, "(d) seeding reads failed: " + seed.firstError());
        }
        String[] citizenTokens = new String[sample];
        for (int i = 0; i < sample; i++) {
            citizenTokens[i] = tokens.citizen(data.citizenIds[i]);
        }
        Load.Result r = load("(d) citizen access-log page", rnd -> {
            expect(http.get("/api/me/access-log", citizenTokens[rnd.nextInt(sample)]), 200);
            return true;
        });
        if (o.limits()) {
            ratio("access-log page / ceiling", r, ceiling(citizenTokens[0]));
        }
    }

    // ---- (e) staff search --------------------------------------------------------------------

    void search() throws Exception {
        awaitReadModels("(e)", "consolidated-file", "search");
        String token = tokens.staff("bench-e", "36");
        AtomicLong hits = new AtomicLong();
        long before = db.accessEntries();
        Load.Result r = load("(e) staff search", rnd -> {
            int i = rnd.nextInt(data.size());
            String body = "{\"familyName\":" + DataSet.json(data.familyNames[i]) + ",\"givenNames\":"
                    + DataSet.json(data.givenNames[i]) + ",\"birthYear\":" + data.birthYears[i] + "}";
            HttpResponse<String> resp = expect(http.post("/api/search/citizens", token, body,
                    "Access-Purpose", PURPOSE, "Access-Reason", REASON), 200);
            int shown = Http.occurrences(resp.body(), "citizenId");
            hits.addAndGet(shown);
            return shown > 0;
        });
        long entries = db.accessEntries() - before;
        note(String.format(Locale.ROOT, "   access entries: %d for %d citizens shown in %d searches", entries, hits.get(), r.allCalls()));
        report.check(entries == hits.get(), "(e) " + entries + " access entries for " + hits.get() + " citizens shown");
        if (o.limits()) {
            ratio("search / ceiling", r, ceiling(token));
        }
    }

    // ---- (f) projection rebuild --------------------------------------------------------------

    void rebuild() throws Exception {
        String admin = tokens.admin("bench-admin");
        // a server at rest: the live processors level with the store, so the rebuild has the cores to itself
        awaitReadModels("(f)", processors());
        long events = db.events();
        for (String name : List.of("consolidated-file", "search")) {
            out.println("-- (f) rebuild " + name + " (" + events + " events in the store)");
            long start = System.nanoTime();
            long[] cpuBefore = cpuNanos();
            HttpResponse<String> started = http.post("/api/admin/projections/" + name + "/rebuild", admin, null);
            if (started.statusCode() != 202) {
                report.check(false, "(f) rebuild " + name + ": " + started.statusCode() + " " + started.body());
                continue;
            }
            String state;
            String body;
            long lastPrint = System.nanoTime();
            do {
                Thread.sleep(200);
                body = http.get("/api/admin/projections/" + name, admin).body();
                state = Http.field(body, "state");
                if (System.nanoTime() - lastPrint > o.progressEvery().toNanos()) {
                    out.println("  " + Http.field(body, "progress"));
                    lastPrint = System.nanoTime();
                }
            } while (!"DONE".equals(state) && !"FAILED".equals(state) && System.nanoTime() - start < Duration.ofMinutes(60).toNanos());
            double seconds = (System.nanoTime() - start) / 1e9;
            Double done = Http.number(body, "eventsDone");
            Double rate = Http.number(body, "eventsPerSecond");
            report.check("DONE".equals(state), "(f) rebuild " + name + " ended " + state + ": " + body);
            note(String.format(Locale.ROOT, "(f) rebuild %-18s %s: %.0f events in %.1f s = %.0f events/s (server's own figure %.0f events/s)",
                    name, state, done == null ? 0 : done, seconds, done == null ? 0 : done / seconds, rate == null ? 0 : rate));
            // the steadier figure on a shared machine: what one event costs, whatever else runs beside it
            long[] cpuAfter = cpuNanos();
            if (done != null && done > 0) {
                note(String.format(Locale.ROOT, "   CPU per event: server %.1f us, PostgreSQL %.1f us",
                        (cpuAfter[0] - cpuBefore[0]) / 1e3 / done, (cpuAfter[1] - cpuBefore[1]) / 1e3 / done));
            }
        }
        if (o.limits()) {
            long start = System.nanoTime();
            long read = 0;
            try (Connection c = db.connect()) {
                c.setAutoCommit(false);
                try (PreparedStatement p = c.prepareStatement(
                        "SELECT global_index, payload_type, payload, meta_data FROM domain_event_entry ORDER BY global_index")) {
                    p.setFetchSize(1000);
                    try (ResultSet rs = p.executeQuery()) {
                        while (rs.next()) {
                            rs.getBytes(3);
                            read++;
                        }
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            note(String.format(Locale.ROOT, "   limit: plain JDBC scan of the event table in global-index order: %d events in %.1f s = %.0f events/s",
                    read, seconds, read / seconds));
        }
    }

    // ---- (g) ledger ---------------------------------------------------------------------------

    /**
     * (g) The ledger under load: audited reads append events while the server's appender turns them
     * into leaves and signs checkpoints; the delay of each leaf is the time from its event's
     * timestamp to the signing of the first checkpoint that covers it (both the server's clock).
     * Then inclusion proofs over HTTP at the tree's size, and again after bulk-loading synthetic
     * leaves and nodes up to {@code --ledger-leaves}.
     */
    void ledger() throws Exception {
        String staff = tokens.staff("bench-g", "33");
        // start level: read models and ledger caught up, so the delays are this run's and not a backlog's
        awaitReadModels("(g)", processors());
        awaitLedger("(g)");
        long sizeBefore = ledgerSize();
        long headBefore = db.events();
        AtomicLong served = new AtomicLong();
        long synthetic;
        Load.Result reads;
        // the load starts now with its warm-up: leaves of events stored before this instant are the JIT's, not the measure's
        long measuredFrom = System.currentTimeMillis() + o.warmup().toMillis();
        try (SyntheticAppends appends = o.ledgerRate() > 0 ? new SyntheticAppends(db, o.ledgerRate()) : null) {
            reads = load("(g) audited reads while the ledger appends"
                    + (o.ledgerRate() > 0 ? " (and " + o.ledgerRate() + " synthetic events/s)" : ""), staffRead(staff, served));
            synthetic = appends == null ? 0 : appends.appended();
        }
        long events = awaitLedger("(g) after the load");
        report.check(ledgerSize() >= events, "(g) the ledger has " + ledgerSize() + " leaves for " + events + " events");
        org.HdrHistogram.Histogram all = new org.HdrHistogram.Histogram(3);
        org.HdrHistogram.Histogram measured = new org.HdrHistogram.Histogram(3);
        checkpointDelays(sizeBefore, measuredFrom, all, measured);
        double seconds = reads.allCalls() == 0 ? 1 : (o.warmup().toMillis() + o.duration().toMillis()) / 1000.0;
        note(String.format(Locale.ROOT, "(g) checkpoint delay at about %.0f appends/s (%.0f of them synthetic)",
                (events - headBefore) / seconds, synthetic / seconds));
        note("   after the warm-up: " + delayLine(measured));
        note("   warm-up included:  " + delayLine(all));
        report.check(measured.getTotalCount() > 0, "(g) no leaf was measured after the warm-up");
        // the processors skip the synthetic events only now: proofs are measured on a server at rest
        awaitReadModels("(g) proofs", processors());
        proofs(staff, ledgerSize());
        if (o.ledgerLeaves() > ledgerSize()) {
            stopServer();
            long start = System.nanoTime();
            long size = LedgerBulk.extend(db, o.ledgerLeaves(), o.seed(), out);
            note(String.format(Locale.ROOT, "(g) bulk-loaded the ledger to %d leaves in %.0f s", size,
                    (System.nanoTime() - start) / 1e9));
            startServer("ledger-" + size);
            proofs(staff, size);
        }
    }

    /** Inclusion proofs of random leaves at a fixed tree size, over HTTP. */
    private void proofs(String token, long size) throws Exception {
        Load.Result r = load("(g) inclusion proof at " + size + " leaves", rnd -> {
            long leaf = rnd.nextLong(size);
            HttpResponse<String> proof = expect(http.get("/api/ledger/proof/inclusion?leaf=" + leaf + "&size=" + size,
                    token), 200);
            return proof.body().contains("\"inclusionPath\"");
        });
        if (o.limits()) {
            ratio("inclusion proof / ceiling", r, ceiling(token));
        }
    }

    /**
     * Waits (at most {@code --catch-up}) until the ledger's signed checkpoints cover every event
     * stored so far; reports the wait and the appender's rate over it. Answers the event count.
     */
    private long awaitLedger(String before) throws Exception {
        long events = db.events();
        long first = ledgerSize();
        long start = System.nanoTime();
        long deadline = start + o.catchUp().toNanos();
        long lastPrint = start;
        while (ledgerSize() < events && System.nanoTime() < deadline) {
            Thread.sleep(200);
            if (System.nanoTime() - lastPrint > o.progressEvery().toNanos()) {
                out.println("  ledger behind the event store: " + ledgerSize() + " of " + events + " events signed");
                lastPrint = System.nanoTime();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (seconds > 1) {
            note(String.format(Locale.ROOT, "ledger before %s: %d -> %d leaves signed in %.1f s (%.0f leaves/s), %d events",
                    before, first, ledgerSize(), seconds, (ledgerSize() - first) / seconds, events));
        }
        return events;
    }

    /** Every tracking processor of the server (their tokens), rebuild processors aside. */
    private String[] processors() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT DISTINCT processor_name FROM token_entry "
                     + "WHERE processor_name NOT LIKE '%-rebuild' ORDER BY processor_name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names.toArray(String[]::new);
    }

    private long ledgerSize() throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(tree_size), 0) FROM ledger_checkpoint")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String delayLine(org.HdrHistogram.Histogram delays) {
        return String.format(Locale.ROOT, "%d leaves, p50 %d ms, p95 %d ms, p99 %d ms, max %d ms", delays.getTotalCount(),
                delays.getValueAtPercentile(50), delays.getValueAtPercentile(95), delays.getValueAtPercentile(99),
                delays.getMaxValue());
    }

    /**
     * Per leaf after {@code from}: first covering checkpoint's signing time minus the event's time,
     * into {@code all}, and into {@code measured} too if the event was stored at or after {@code measuredFrom}.
     */
    private void checkpointDelays(long from, long measuredFrom, org.HdrHistogram.Histogram all,
                                  org.HdrHistogram.Histogram measured) throws Exception {
        List<long[]> checkpoints = new ArrayList<>();
        try (Connection c = db.connect()) {
            try (PreparedStatement p = c.prepareStatement("SELECT tree_size, signed_at FROM ledger_checkpoint "
                    + "WHERE tree_size > ? ORDER BY tree_size")) {
                p.setLong(1, from);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        checkpoints.add(new long[]{rs.getLong(1), rs.getTimestamp(2).toInstant().toEpochMilli()});
                    }
                }
            }
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("SELECT l.leaf_index, e.time_stamp FROM ledger_leaf l "
                    + "JOIN domain_event_entry e ON e.global_index = l.global_index WHERE l.leaf_index >= ? "
                    + "ORDER BY l.leaf_index")) {
                p.setFetchSize(5000);
                p.setLong(1, from);
                int next = 0;
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        long leaf = rs.getLong(1);
                        while (next < checkpoints.size() && checkpoints.get(next)[0] <= leaf) {
                            next++;
                        }
                        if (next == checkpoints.size()) {
                            break; // not yet under a checkpoint
                        }
                        long storedAt = java.time.Instant.parse(rs.getString(2)).toEpochMilli();
                        long delay = Math.max(0, checkpoints.get(next)[1] - storedAt);
                        all.recordValue(delay);
                        if (storedAt >= measuredFrom) {
                            measured.recordValue(delay);
                        }
                    }
                }
            }
            c.rollback();
        }
    }

    @Override
    public void close() throws Exception {
        try {
            stopServer();
        } finally {
            db.close();
            if (!o.keepDb() && !o.jfr()) {
                try (Stream<Path> files = Files.walk(dataDir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            } else {
                out.println("kept data directory " + dataDir);
            }
        }
    }
}
