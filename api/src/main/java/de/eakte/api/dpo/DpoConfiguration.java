package de.eakte.api.dpo;

import de.eakte.audit.dpo.DpoAnomalies;
import de.eakte.audit.dpo.DpoSearchLog;
import de.eakte.audit.dpo.OfficeHours;
import de.eakte.audit.dpo.ReIdentificationProjection;
import de.eakte.audit.log.DpoAccessLogProjection;
import de.eakte.core.access.reidentification.ReIdentification;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wiring of the DPO's tools: the anomaly report over the DPO's view (office hours
 * {@code eakte.dpo.office-hours}, default {@code MON-FRI 07:00-19:00}, in the zone
 * {@code eakte.dpo.time-zone}; the daily look-up multiple {@code eakte.dpo.daily-lookups-multiple},
 * default 3), the search log, and re-identification with four eyes (the {@link ReIdentification}
 * aggregate, registered with the configurer as core carries no Spring stereotype, and its list on a
 * tracking processor of its own).
 */
@Configuration(proxyBeanMethods = false)
public class DpoConfiguration {

    @Bean
    DpoAnomalies dpoAnomalies(JdbcTemplate jdbc, @Value("${eakte.dpo.office-hours:MON-FRI 07:00-19:00}") String hours,
                              @Value("${eakte.dpo.daily-lookups-multiple:3}") double multiple) {
        return new DpoAnomalies(jdbc, OfficeHours.parse(hours), multiple);
    }

    @Bean
    DpoSearchLog dpoSearchLog(JdbcTemplate jdbc) {
        return new DpoSearchLog(jdbc);
    }

    @Bean
    StaffSubjects staffSubjects(EventStorageEngine events, JdbcTemplate jdbc, DpoAccessLogProjection view) {
        return new StaffSubjects(events, jdbc, view);
    }

    @Bean
    ConfigurerModule reIdentificationAggregate() {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(ReIdentification.class));
    }

    @Bean
    ReIdentificationProjection reIdentificationProjection(JdbcTemplate jdbc, DpoAccessLogProjection view) {
        return new ReIdentificationProjection(jdbc, view);
    }

    @Bean
    ConfigurerModule reIdentificationProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(ReIdentificationProjection.PROCESSING_GROUP));
    }
}
