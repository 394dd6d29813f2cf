package de.eakte.api.search;

import de.eakte.core.crypto.FieldSealer;
import de.eakte.projections.search.Generations;
import de.eakte.projections.search.SearchProjection;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Value;
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

    /**
     * Batches of up to {@code eakte.processing.batch-size} events per transaction, like the other
     * processors: this registration replaces their default configuration, and without a batch size
     * it handled (and committed) one event at a time (decision 0009).
     */
    @Bean
    ConfigurerModule searchProcessor(@Value("${eakte.processing.batch-size:200}") int batchSize) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(SearchProjection.PROCESSING_GROUP,
                        c -> c.eventStore(), c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(batchSize)));
    }
}
