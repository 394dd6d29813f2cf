package de.eakte.api.projections;

import de.eakte.core.crypto.FieldSealer;
import de.eakte.projections.search.Generations;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
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
}
