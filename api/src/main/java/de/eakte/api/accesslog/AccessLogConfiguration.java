package de.eakte.api.accesslog;

import de.eakte.audit.log.CitizenAccessLogProjection;
import de.eakte.audit.log.DpoAccessLogProjection;
import de.eakte.core.crypto.FieldSealer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;

/**
 * Wiring of the access-log read models: the citizen's log and the DPO's log (staff as pseudonyms
 * under the key in {@code ${eakte.data-dir}/keys/staff-pseudonym.key}), each on a tracking
 * processor of its own. A tracking processor starts at the beginning of the event store, so a deployment that adds it
 * builds the log from every access recorded before.
 */
@Configuration(proxyBeanMethods = false)
public class AccessLogConfiguration {

    @Bean
    CitizenAccessLogProjection citizenAccessLogProjection(JdbcTemplate jdbc, FieldSealer sealer) {
        return new CitizenAccessLogProjection(jdbc, sealer);
    }

    @Bean
    ConfigurerModule citizenAccessLogProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(CitizenAccessLogProjection.PROCESSING_GROUP));
    }

    @Bean
    DpoAccessLogProjection dpoAccessLogProjection(JdbcTemplate jdbc, FieldSealer sealer,
                                                  @Value("${eakte.data-dir:./data}") String dataDir,
                                                  @Value("${eakte.dpo.time-zone:Europe/Berlin}") String zone) {
        return new DpoAccessLogProjection(jdbc, StaffPseudonymKey.loadOrCreate(StaffPseudonymKey.location(Path.of(dataDir))),
                sealer, java.time.ZoneId.of(zone));
    }

    @Bean
    ConfigurerModule dpoAccessLogProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(DpoAccessLogProjection.PROCESSING_GROUP));
    }
}
