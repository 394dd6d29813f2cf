package de.eakte.api.cli;

import de.eakte.api.EakteApplication;
import de.eakte.api.retention.DisposalLists;
import de.eakte.core.retention.DrawUpTrigger;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code retention draw-up} draws up a disposal list of the cases due today, as the daily job does
 * (for an outside scheduler, or when the job is switched off). It starts the application without
 * the web server and with the daily job off, against the configured database; on the embedded H2
 * file the server must be stopped first, on PostgreSQL it runs beside the servers.
 */
public final class RetentionCommand {

    private static final String USAGE = """
            usage: java -jar eakte.jar retention draw-up [--eakte.data-dir=DIR ...]
                   java -jar eakte.jar retention access-log [--eakte.data-dir=DIR ...]
            draw-up: draws up a disposal list of the closed cases whose retention has ended (nothing is
            disposed of until two admins confirmed and approved it).
            access-log: destroys the keys of the access-log periods whose retention has ended, as the daily
            job does; their entries leave the citizen's and the DPO's logs.
            Database and keys are configured as for the server.""";

    private RetentionCommand() {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !("draw-up".equals(args[0]) || "access-log".equals(args[0]))) {
            err.println(USAGE);
            return 2;
        }
        List<String> springArgs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || !args[i].contains("=")) {
                err.println("unexpected argument: " + args[i]);
                err.println(USAGE);
                return 2;
            }
            springArgs.add(args[i]);
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EakteApplication.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .properties("logging.level.root=WARN", "eakte.retention.draw-up-cron=-",
                        "eakte.access-log.retention.cron=-")
                .run(springArgs.toArray(String[]::new))) {
            if ("access-log".equals(args[0])) {
                List<de.eakte.core.crypto.KeyId> destroyed = context.getBean(
                        de.eakte.api.access.AccessLogKeyShredder.class).destroyExpired();
                out.println(destroyed.isEmpty() ? "no access-log period's retention has ended: no key destroyed"
                        : "destroyed the keys of " + destroyed.size() + " access-log periods: " + destroyed);
                return 0;
            }
            Optional<DisposalLists.DrawnUp> drawn = context.getBean(DisposalLists.class)
                    .drawUp(DisposalLists.SCHEDULE, DrawUpTrigger.SCHEDULE, "retention-cli-" + UUID.randomUUID());
            if (drawn.isEmpty()) {
                out.println("no closed case's retention has ended: no disposal list drawn up");
                return 0;
            }
            out.println("disposal list " + drawn.get().listId() + " drawn up with " + drawn.get().cases().size()
                    + " cases; two admins confirm and approve it under /api/admin/disposal-lists");
            drawn.get().cases().forEach(c -> out.println("  " + c.fileReference() + "  office " + c.office()
                    + "  " + c.disposal() + "  retention ended " + c.retentionEndsOn()));
            return 0;
        } catch (RuntimeException e) {
            err.println("draw-up failed: " + e.getMessage());
            return 3;
        }
    }
}
