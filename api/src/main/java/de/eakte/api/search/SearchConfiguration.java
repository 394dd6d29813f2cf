package de.eakte.api.search;

import de.eakte.core.crypto.FieldSealer;
import de.eakte.projections.search.Generations;
import de.eakte.projections.search.SearchProjection;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wiring of the search read model: the live projection writes into the active generation, on a
 * tracking processor of its own with one segment (a rebuild hands its position over to it, see
 * {@code api.projections.ProjectionRebuilds}).
 */
@Configuration(proxyBeanMethods = false)
public class SearchConfiguration {

    @Bean
    Generations searchGenerations(JdbcTemplate jdbc) {
        return new Generations(jdbc, SearchProjection.PROCESSING_GROUP);
    }

    @Bean
    SearchProjection searchProjection(JdbcTemplate jdbc, Generations searchGenerations, FieldSealer sealer) {
        return new SearchProjection(jdbc, searchGenerations::active, sealer);
    }

    @Bean
    ConfigurerModule searchProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(SearchProjection.PROCESSING_GROUP,
                        c -> c.eventStore(), c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()));
    }
}
