package de.eakte.api.projections;

import de.eakte.core.crypto.FieldSealer;
import de.eakte.projections.search.Generations;
import de.eakte.projections.search.SearchProjection;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/** The rebuild service of the read models. */
@Configuration(proxyBeanMethods = false)
public class ProjectionsConfiguration {

    @Bean(destroyMethod = "close")
    ProjectionRebuilds projectionRebuilds(EventProcessingConfiguration processing, EventStore eventStore, TokenStore tokens,
                                          TransactionManager transactions, JdbcTemplate jdbc, Generations searchGenerations,
                                          FieldSealer sealer, Clock clock) {
        return new ProjectionRebuilds(processing, eventStore, tokens, transactions, jdbc, searchGenerations, sealer, clock);
    }

    /**
     * A search model built before the vocabulary tables (migration 800) is rebuilt beside the serving
     * one when the server has started; searches by name find nobody until it has caught up.
     */
    @Bean
    @ConditionalOnWebApplication
    ApplicationListener<ApplicationReadyEvent> searchRebuildWhenRequired(ProjectionRebuilds rebuilds,
                                                                         Generations searchGenerations) {
        return event -> {
            if (searchGenerations.rebuildRequired()) {
                LoggerFactory.getLogger(ProjectionsConfiguration.class)
                        .warn("the search model predates its vocabulary tables: rebuilding it beside the serving one");
                rebuilds.start(SearchProjection.PROCESSING_GROUP);
            }
        };
    }
}
