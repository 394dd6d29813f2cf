package de.eakte.bench.load;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load: C threads each call the operation back to back, first for the warm-up (not
 * counted), then for the measured duration. Latencies go into an HdrHistogram {@link Recorder}
 * (microseconds); a progress line is printed every few seconds. Cheap on purpose: it shares the
 * cores with the server.
 */
public final class Load {

    /** One call; returns false (or throws) for an error. */
    @FunctionalInterface
    public interface Op {
        boolean call(SplittableRandom random) throws Exception;
    }

    public record Result(String name, int concurrency, long ok, long errors, long calls, long allCalls, double seconds, Histogram latency,
                         String firstError, java.util.Map<String, Long> errorKinds, long[] cpuNanos) {

        /** CPU time per completed call while measuring, in microseconds, of each metered process (server, database, bench). */
        public String cpuPerOp() {
            if (cpuNanos == null || calls == 0) {
                return null;
            }
            return String.format(java.util.Locale.ROOT, "CPU per call: server %.0f us, database %.0f us, bench %.0f us",
                    cpuNanos[0] / 1000.0 / calls, cpuNanos[1] / 1000.0 / calls, cpuNanos[2] / 1000.0 / calls);
        }

        public double throughput() {
            return ok / seconds;
        }

        public double ms(double percentile) {
            return latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(percentile) / 1000.0;
        }

        public double maxMs() {
            return latency.getTotalCount() == 0 ? 0 : latency.getMaxValue() / 1000.0;
        }

        public String line() {
            return String.format(java.util.Locale.ROOT,
                    "%-28s c=%-3d %9.1f ops/s  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  max %8.2f ms  ok %d  errors %d",
                    name, concurrency, throughput(), ms(50), ms(95), ms(99), maxMs(), ok, errors);
        }
    }

    private Load() {
    }

    public static Result run(String name, int concurrency, Duration warmup, Duration duration, Duration progressEvery,
                             long seed, PrintStream out, Op op) throws InterruptedException {
        return run(name, concurrency, warmup, duration, progressEvery, seed, out, op, null);
    }

    /**
     * As above; {@code cpu}, if given, reads the CPU time (ns) used so far by the server, the
     * database and the bench, and is read when measuring starts and ends: CPU per call does not
     * depend on what else the machine runs, as throughput does.
     */
    public static Result run(String name, int concurrency, Duration warmup, Duration duration, Duration progressEvery,
                             long seed, PrintStream out, Op op, java.util.function.Supplier<long[]> cpu)
            throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean measuring = new AtomicBoolean(warmup.isZero());
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong calls = new AtomicLong();
        AtomicLong totalCalls = new AtomicLong();
        StringBuffer firstError = new StringBuffer();
        java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> kinds = new java.util.concurrent.ConcurrentHashMap<>();
        Random seeds = new Random(seed);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            SplittableRandom random = new SplittableRandom(seeds.nextLong());
            Thread thread = new Thread(() -> {
                while (!stop.get()) {
                    long start = System.nanoTime();
                    boolean good;
                    String error = null;
                    try {
                        good = op.call(random);
                        if (!good) {
                            error = "operation reported an error";
                        }
                    } catch (Exception e) {
                        good = false;
                        error = e.toString();
                    }
                    long micros = (System.nanoTime() - start) / 1000;
                    totalCalls.incrementAndGet();
                    if (measuring.get()) {
                        recorder.recordValue(Math.max(1, micros));
                        calls.incrementAndGet();
                        (good ? ok : errors).incrementAndGet();
                    }
                    if (!good) {
                        kinds.computeIfAbsent(kind(error), k -> new java.util.concurrent.atomic.LongAdder()).increment();
                        synchronized (firstError) {
                            if (firstError.length() == 0) {
                                firstError.append(error);
                            }
                        }
                    }
                }
            }, name + "-" + t);
            thread.setDaemon(true);
            threads.add(thread);
        }
        long begin = System.nanoTime();
        threads.forEach(Thread::start);
        Histogram total = new Histogram(3);
        long warmupEnd = begin + warmup.toNanos();
        long measureStart = measuring.get() ? begin : -1;
        long[] cpuAtStart = measuring.get() && cpu != null ? cpu.get() : null;
        long end = begin + warmup.toNanos() + duration.toNanos();
        long lastCalls = 0;
        long lastTick = begin;
        while (true) {
            long now = System.nanoTime();
            if (measureStart < 0 && now >= warmupEnd) {
                recorder.getIntervalHistogram(); // drop warm-up samples
                cpuAtStart = cpu == null ? null : cpu.get();
                measuring.set(true);
                measureStart = System.nanoTime();
            }
            if (now >= end) {
                break;
            }
            long next = Math.min(end, Math.min(lastTick + progressEvery.toNanos(), measureStart < 0 ? warmupEnd : Long.MAX_VALUE));
            Thread.sleep(Math.max(1, (next - System.nanoTime()) / 1_000_000));
            now = System.nanoTime();
            if (now - lastTick >= progressEvery.toNanos() - 1_000_000) {
                long c = totalCalls.get();
                double rate = (c - lastCalls) / ((now - lastTick) / 1e9);
                String phase;
                if (measureStart < 0) {
                    phase = "warm-up";
                } else {
                    Histogram interval = recorder.getIntervalHistogram();
                    total.add(interval);
                    phase = String.format(java.util.Locale.ROOT, "measuring p99 %.1f ms", interval.getTotalCount() == 0
                            ? 0 : interval.getValueAtPercentile(99) / 1000.0);
                }
                out.printf(java.util.Locale.ROOT, "  [%s] %4ds %-24s %8.1f ops/s  errors %d%n", name,
                        (now - begin) / 1_000_000_000L, phase, rate, errors.get());
                lastCalls = c;
                lastTick = now;
            }
        }
        long[] cpuAtEnd = cpuAtStart == null ? null : cpu.get();
        stop.set(true);
        long stopAt = System.nanoTime();
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        total.add(recorder.getIntervalHistogram());
        double seconds = (stopAt - measureStart) / 1e9;
        java.util.Map<String, Long> errorKinds = new java.util.TreeMap<>();
        kinds.forEach((k, v) -> errorKinds.put(k, v.sum()));
        return new Result(name, concurrency, ok.get(), errors.get(), calls.get(), totalCalls.get(), seconds, total,
                firstError.length() == 0 ? null : firstError.toString(), errorKinds, cpuAtEnd == null ? null
                : new long[]{cpuAtEnd[0] - cpuAtStart[0], cpuAtEnd[1] - cpuAtStart[1], cpuAtEnd[2] - cpuAtStart[2]});
    }

    /** An error without its ids and body, so that errors of one kind count together (warm-up included). */
    static String kind(String error) {
        String k = error == null ? "operation reported an error"
                : error.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}");
        int body = k.indexOf("{\"");
        if (body > 0) {
            k = k.substring(0, body).trim();
        }
        return k.length() > 160 ? k.substring(0, 160) : k;
    }

    /** One call of a fixed-count run, given its index 0..count-1. */
    @FunctionalInterface
    public interface IndexedOp {
        boolean call(int index) throws Exception;
    }

    /** One call of a batched run: the items {@code from} (inclusive) to {@code to} (exclusive). */
    @FunctionalInterface
    public interface BatchOp {
        boolean call(int from, int to) throws Exception;
    }

    /** Exactly {@code count} calls spread over C threads (data generation, limit loops of a given row count). */
    public static Result runCount(String name, int concurrency, long count, Duration progressEvery, PrintStream out,
                                  IndexedOp op) throws InterruptedException {
        return runBatches(name, concurrency, count, 1, progressEvery, out, (from, to) -> op.call(from));
    }

    /**
     * {@code count} items in calls of up to {@code batch} items each, spread over C threads in
     * ascending order; progress, throughput and the result count items, the latencies are per call.
     */
    public static Result runBatches(String name, int concurrency, long count, int batch, Duration progressEvery,
                                    PrintStream out, BatchOp op) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong next = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        StringBuffer firstError = new StringBuffer();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            Thread thread = new Thread(() -> {
                for (long i = next.getAndAdd(batch); i < count; i = next.getAndAdd(batch)) {
                    long start = System.nanoTime();
                    int to = (int) Math.min(count, i + batch);
                    boolean good;
                    String error = null;
                    try {
                        good = op.call((int) i, to);
                    } catch (Exception e) {
                        good = false;
                        error = e.toString();
                    }
                    recorder.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
                    (good ? ok : errors).addAndGet(to - i);
                    if (!good) {
                        synchronized (firstError) {
                            if (firstError.length() == 0) {
                                firstError.append(error == null ? "operation reported an error" : error);
                            }
                        }
                        if (errors.get() > 100) {
                            next.set(count); // give up: something is broken, not slow
                        }
                    }
                }
            }, name + "-" + t);
            thread.setDaemon(true);
            threads.add(thread);
        }
        long begin = System.nanoTime();
        threads.forEach(Thread::start);
        Histogram total = new Histogram(3);
        long lastDone = 0;
        long lastTick = begin;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                thread.join(200);
                long now = System.nanoTime();
                if (now - lastTick >= progressEvery.toNanos()) {
                    long done = ok.get() + errors.get();
                    total.add(recorder.getIntervalHistogram());
                    out.printf(java.util.Locale.ROOT, "  [%s] %4ds %d/%d %8.1f ops/s  errors %d%n", name,
                            (now - begin) / 1_000_000_000L, done, count, (done - lastDone) / ((now - lastTick) / 1e9), errors.get());
                    lastDone = done;
                    lastTick = now;
                }
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        total.add(recorder.getIntervalHistogram());
        return new Result(name, concurrency, ok.get(), errors.get(), ok.get() + errors.get(), ok.get() + errors.get(),
                seconds, total, firstError.length() == 0 ? null : firstError.toString(), java.util.Map.of(), null);
    }
}
