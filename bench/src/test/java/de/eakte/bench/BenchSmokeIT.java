package de.eakte.bench;

import de.eakte.bench.load.Load;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.Collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CI smoke of the bench (issue #7): every scenario on a tiny data set for a few seconds against
 * the real server jar on PostgreSQL, and the JMH benchmarks in-process with one short iteration.
 * Asserts correctness only (no errors, exactly one access entry per audited read, none without the
 * recorder), never speed.
 */
class BenchSmokeIT {

    @Test
    void everyScenarioRunsWithoutErrorsAndEveryAuditedReadLeavesOneAccessEntry() throws Exception {
        Options options = Options.parse(new String[]{"--citizens", "30", "--cases", "60", "--concurrency", "4",
                "--generators", "4", "--warmup", "1s", "--duration", "2s", "--ledger-leaves", "5000", "--ledger-rate", "200"}, 0);
        Bench.Report report = Bench.run("all", options, System.out);

        assertTrue(report.failures.isEmpty(), () -> "failures: " + report.failures);
        assertTrue(report.results.size() >= 10, () -> "scenarios and limits measured: " + report.results.size());
        for (Load.Result r : report.results) {
            assertEquals(0, r.errors(), () -> r.name() + ": " + r.firstError());
            assertTrue(r.ok() > 0, () -> r.name() + " completed nothing");
        }
        assertTrue(report.lines.stream().anyMatch(l -> l.startsWith("(f) rebuild consolidated-file  DONE")),
                () -> "rebuild: " + report.lines);
    }

    @Test
    void jmhBenchmarksRunInProcess() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(de.eakte.bench.jmh.HotPaths.class.getName())
                .forks(0)
                .shouldFailOnError(true)
                .warmupIterations(1).warmupTime(TimeValue.milliseconds(200))
                .measurementIterations(1).measurementTime(TimeValue.milliseconds(200))
                .threads(1)
                .build()).run();
        assertEquals(8, results.size(), "every benchmark of HotPaths ran: field sealing and opening, policy, search keys, Kölner Phonetik, Merkle append, proof and verification");
        for (RunResult r : results) {
            assertTrue(r.getPrimaryResult().getScore() > 0, () -> r.getParams().getBenchmark() + " did nothing");
        }
    }
}
