package de.eakte.api.cli;

import de.eakte.api.keys.DestroyedKeysJournal;
import de.eakte.api.keys.JdbcDataKeys;
import de.eakte.api.keys.KeyEncryptionKey;
import de.eakte.api.keys.KeySettings;
import de.eakte.api.keys.KeysUnusableException;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code keys rewrap --new-kek-file <file>} wraps every live data key under a new key-encryption
 * key, in one transaction (KEK rotation). It reads the server's configuration (database, current
 * KEK) and opens the database itself, so every server must be stopped first.
 */
public final class KeysCommand {

    private static final String USAGE = """
            usage: java -jar eakte.jar keys rewrap --new-kek-file <file> [--eakte.data-dir=DIR ...]
            Stop every server first. Rewraps every live data key under the key-encryption key in <file>
            (created if it does not exist), then set eakte.keys.kek-file=<file> and start the server.
            Database and current KEK are configured as for the server.""";

    private KeysCommand() {
    }

    @Configuration(proxyBeanMethods = false)
    static class EnvironmentOnly {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !"rewrap".equals(args[0])) {
            err.println(USAGE);
            return 2;
        }
        String newKekFile = null;
        List<String> springArgs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--") && arg.contains("=")) {
                springArgs.add(arg);
            } else if ("--new-kek-file".equals(arg) && i + 1 < args.length) {
                newKekFile = args[++i];
            } else {
                err.println("unexpected argument: " + arg);
                err.println(USAGE);
                return 2;
            }
        }
        if (newKekFile == null) {
            err.println("--new-kek-file is required");
            err.println(USAGE);
            return 2;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EnvironmentOnly.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .properties("logging.level.root=WARN")
                .run(springArgs.toArray(String[]::new))) {
            Environment env = context.getEnvironment();
            KeySettings settings = KeySettings.from(env);
            Path next = Path.of(newKekFile);
            if (!settings.usesKeystore() && next.toAbsolutePath().normalize()
                    .equals(settings.kekFile().toAbsolutePath().normalize())) {
                err.println("--new-kek-file names the current key-encryption key file; give a new one");
                return 2;
            }
            KeyEncryptionKey current = settings.usesKeystore()
                    ? KeyEncryptionKey.fromKeystore(settings.keystorePath(), settings.keystorePassword(), settings.keystoreAlias())
                    : KeyEncryptionKey.fromFile(settings.kekFile());
            KeyEncryptionKey nextKek = Files.exists(next) ? KeyEncryptionKey.fromFile(next) : KeyEncryptionKey.createFile(next);
            DataSource dataSource = DataSourceBuilder.create().url(env.getRequiredProperty("spring.datasource.url"))
                    .username(env.getProperty("spring.datasource.username"))
                    .password(env.getProperty("spring.datasource.password")).build();
            try {
                JdbcTemplate jdbc = new JdbcTemplate(dataSource);
                int rewrapped = new JdbcDataKeys(jdbc, new DataSourceTransactionManager(dataSource), current,
                        new DestroyedKeysJournal(settings.destroyedJournal()), settings.cacheTtl(), Clock.systemUTC())
                        .rewrap(nextKek);
                out.println("rewrapped " + rewrapped + " data keys from key-encryption key " + current.fingerprint()
                        + " to " + nextKek.fingerprint() + ". Now set " + KeySettings.KEK_FILE + "=" + next
                        + ", start the server, and destroy the old key once it started.");
                return 0;
            } finally {
                if (dataSource instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            }
        } catch (KeysUnusableException | IllegalStateException | DataAccessException e) {
            err.println(e.getMessage());
            return 3;
        } catch (Exception e) {
            err.println("rewrap failed: " + e);
            return 3;
        }
    }
}
