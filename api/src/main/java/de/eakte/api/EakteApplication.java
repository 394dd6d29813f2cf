package de.eakte.api;

import de.eakte.api.cli.KeysCommand;
import de.eakte.api.cli.LedgerCommand;
import de.eakte.api.cli.ProjectionsCommand;
import de.eakte.api.cli.RetentionCommand;
import de.eakte.api.cli.TokenCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.Arrays;

/**
 * The eAkte server. {@code java -jar eakte.jar} starts it; the first argument may name a
 * sub-command instead: {@code token} (without the web server or the database) or
 * {@code keys rewrap} (opens the database, not the web server).
 */
@SpringBootApplication
@EnableScheduling
public class EakteApplication {

    static {
        // Axon's update checker reports usage data to AxonIQ; a city's file system phones nobody.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }

    public static void main(String[] args) {
        if (args.length > 0 && "token".equals(args[0])) {
            System.exit(TokenCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && "keys".equals(args[0])) {
            System.exit(KeysCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && "ledger".equals(args[0])) {
            System.exit(LedgerCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && "projections".equals(args[0])) {
            System.exit(ProjectionsCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && "retention".equals(args[0])) {
            System.exit(RetentionCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(EakteApplication.class, args);
    }
}
