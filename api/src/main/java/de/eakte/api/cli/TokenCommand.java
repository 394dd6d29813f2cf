package de.eakte.api.cli;

import de.eakte.api.security.IssuerNotConfiguredException;
import de.eakte.api.security.LocalIssuer;
import de.eakte.api.security.LocalIssuerSettings;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.InvalidValueException;
import de.eakte.core.shared.OfficeCode;
import de.eakte.core.shared.Role;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code token --role staff --subject alice --office 33} prints a token of the local issuer. It
 * reads the same configuration as the server (properties, environment, {@code --eakte.data-dir=})
 * but opens no database, so it works beside a running server on the embedded H2 file.
 */
public final class TokenCommand {

    private static final String USAGE = """
            usage: java -jar eakte.jar token --role staff --subject <name> --office <code>
                   java -jar eakte.jar token --role citizen --citizen <citizen id> [--subject <name>]
                   java -jar eakte.jar token --role dpo|admin --subject <name>
            Only with the local development issuer (the embedded default). Configuration options such as
            --eakte.data-dir=DIR are read as by the server.""";

    private TokenCommand() {
    }

    @Configuration(proxyBeanMethods = false)
    static class EnvironmentOnly {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        List<String> springArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--") && arg.contains("=")) {
                springArgs.add(arg);
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                options.put(arg.substring(2), args[++i]);
            } else {
                err.println("unexpected argument: " + arg);
                err.println(USAGE);
                return 2;
            }
        }
        String roleName = options.get("role");
        Role role = null;
        for (Role r : Role.values()) {
            if (r.claimValue().equals(roleName)) {
                role = r;
            }
        }
        if (role == null) {
            err.println("--role must be one of staff, citizen, dpo, admin");
            err.println(USAGE);
            return 2;
        }
        String office = options.get("office");
        String citizen = options.get("citizen");
        String subject = options.getOrDefault("subject", role == Role.CITIZEN ? "citizen-" + citizen : null);
        try {
            if (subject == null || subject.isBlank()) {
                err.println("--subject is required");
                return 2;
            }
            if (role == Role.STAFF) {
                if (office == null) {
                    err.println("--office is required for staff (e.g. 33 Bürgeramt, 36 vehicle registration, 32 trade office, 50 social services, 63 building authority)");
                    return 2;
                }
                new OfficeCode(office);
            } else {
                office = null;
            }
            if (role == Role.CITIZEN) {
                if (citizen == null) {
                    err.println("--citizen <citizen id> is required for a citizen token");
                    return 2;
                }
                CitizenId.of(citizen);
            } else {
                citizen = null;
            }
        } catch (InvalidValueException e) {
            err.println(e.getMessage());
            return 2;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EnvironmentOnly.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .properties("logging.level.root=WARN")
                .run(springArgs.toArray(String[]::new))) {
            LocalIssuerSettings settings = LocalIssuerSettings.from(context.getEnvironment());
            if (!settings.enabled()) {
                err.println("The local issuer is off because an external token issuer is configured; get tokens from it.");
                return 3;
            }
            out.println(LocalIssuer.loadOrCreate(settings).mint(subject, role.claimValue(), office, citizen,
                    Clock.systemUTC()));
            return 0;
        } catch (IssuerNotConfiguredException e) {
            err.println(e.getMessage());
            return 3;
        }
    }
}
