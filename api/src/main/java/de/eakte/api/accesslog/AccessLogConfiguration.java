package de.eakte.api.accesslog;

import de.eakte.audit.log.CitizenAccessLogProjection;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wiring of the access-log read models: the citizen's log, on a tracking processor of its own. A
 * tracking processor starts at the beginning of the event store, so a deployment that adds it
 * builds the log from every access recorded before.
 */
@Configuration(proxyBeanMethods = false)
public class AccessLogConfiguration {

    @Bean
    CitizenAccessLogProjection citizenAccessLogProjection(JdbcTemplate jdbc) {
        return new CitizenAccessLogProjection(jdbc);
    }

    @Bean
    ConfigurerModule citizenAccessLogProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(CitizenAccessLogProjection.PROCESSING_GROUP));
    }
}
