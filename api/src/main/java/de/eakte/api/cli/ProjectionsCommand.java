package de.eakte.api.cli;

import de.eakte.api.EakteApplication;
import de.eakte.api.projections.ProjectionRebuilds;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code projections rebuild [name]} rebuilds one read model (or all) from the event store with a
 * progress line, {@code projections list} names them. It opens the database as the server would,
 * without the web server; on the embedded H2 file a running server holds the lock: then ask the
 * server ({@code POST /api/admin/projections/{name}/rebuild}).
 */
public final class ProjectionsCommand {

    private static final String USAGE = """
            usage: java -jar eakte.jar projections list
                   java -jar eakte.jar projections rebuild [name]
            Configuration options such as --eakte.data-dir=DIR or --spring.datasource.url=... are read as by the server.
            While a server runs on the embedded database, ask it instead:
              curl -X POST localhost:8080/api/admin/projections/search/rebuild -H "Authorization: Bearer $ADMIN\"""";

    private ProjectionsCommand() {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> words = new ArrayList<>();
        List<String> springArgs = new ArrayList<>();
        for (String arg : args) {
            (arg.startsWith("--") ? springArgs : words).add(arg);
        }
        if (words.isEmpty() || !List.of("list", "rebuild").contains(words.get(0)) || words.size() > 2
                || ("list".equals(words.get(0)) && words.size() > 1)) {
            err.println(USAGE);
            return 2;
        }
        springArgs.add("--logging.level.root=WARN");
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(EakteApplication.class).web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(springArgs.toArray(String[]::new));
        } catch (RuntimeException e) {
            err.println("cannot open the database: " + Failures.rootMessage(e));
            err.println("If a server is running on the embedded database, it holds the lock: ask it instead.");
            err.println(USAGE);
            return 1;
        }
        try (context) {
            ProjectionRebuilds rebuilds = context.getBean(ProjectionRebuilds.class);
            if ("list".equals(words.get(0))) {
                rebuilds.names().forEach(out::println);
                return 0;
            }
            List<String> names = words.size() == 2 ? List.of(words.get(1)) : rebuilds.names();
            if (!rebuilds.names().containsAll(names)) {
                err.println("no read model " + words.get(1) + "; known: " + String.join(", ", rebuilds.names()));
                return 2;
            }
            boolean console = System.console() != null;
            for (String name : names) {
                rebuilds.start(name);
                ProjectionRebuilds.Status status;
                while (true) {
                    status = rebuilds.status(name).orElseThrow();
                    if (status.finished()) {
                        break;
                    }
                    if (console) {
                        out.print("\r" + status.line());
                        out.flush();
                    }
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return 1;
                    }
                }
                out.println((console ? "\r" : "") + status.line());
                if ("FAILED".equals(status.state())) {
                    return 1;
                }
            }
            return 0;
        }
    }
}
