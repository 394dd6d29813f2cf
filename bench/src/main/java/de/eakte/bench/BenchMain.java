package de.eakte.bench;

import java.util.Arrays;

/** {@code java -jar eakte-bench.jar <scenario> [options]}; see {@link Options#USAGE} and docs/BENCHMARKS.md. */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println(Options.USAGE);
            System.exit(args.length == 0 ? 2 : 0);
        }
        if (args[0].equals("jmh")) {
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Options options;
        try {
            options = Options.parse(args, 1);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        Bench.Report report = Bench.run(args[0], options, System.out);
        System.exit(report.failures.isEmpty() ? 0 : 1);
    }
}
