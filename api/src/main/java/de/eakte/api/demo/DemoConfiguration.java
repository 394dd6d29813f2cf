package de.eakte.api.demo;

import de.eakte.api.web.Commands;
import de.eakte.core.catalogue.Catalogue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/**
 * {@code java -jar eakte.jar --demo} seeds demo data once the server is up
 * ({@code --eakte.demo.citizens=}, {@code --eakte.demo.seed=} change the population).
 */
@Configuration(proxyBeanMethods = false)
public class DemoConfiguration {

    @Bean
    ApplicationRunner demoData(Commands commands, JdbcTemplate jdbc, Catalogue catalogue, Clock clock,
                               @Value("${eakte.demo.citizens:" + DemoData.DEFAULT_CITIZENS + "}") int citizens,
                               @Value("${eakte.demo.seed:" + DemoData.DEFAULT_SEED + "}") long seed) {
        return arguments -> {
            if (arguments.containsOption("demo")) {
                new DemoSeeder(commands, jdbc, catalogue, clock).seed(seed, citizens);
            }
        };
    }
}
