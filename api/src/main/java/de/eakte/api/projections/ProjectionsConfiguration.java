package de.eakte.api.projections;

import de.eakte.api.catalogue.CaseTypeCatalogueProjection;
import de.eakte.api.catalogue.OfficeCatalogueProjection;
import de.eakte.api.catalogue.PurposeCatalogueProjection;
import de.eakte.audit.dpo.ReIdentificationProjection;
import de.eakte.audit.log.CitizenAccessLogProjection;
import de.eakte.audit.log.DpoAccessLogProjection;
import de.eakte.core.crypto.FieldSealer;
import de.eakte.projections.retention.DisposalListProjection;
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
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/** The rebuild service of the read models. */
@Configuration(proxyBeanMethods = false)
public class ProjectionsConfiguration {

    @Bean(destroyMethod = "close")
    ProjectionRebuilds projectionRebuilds(EventProcessingConfiguration processing, EventStore eventStore, TokenStore tokens,
                                          TransactionManager transactions, JdbcTemplate jdbc, Generations searchGenerations,
                                          FieldSealer sealer, Clock clock, CitizenAccessLogProjection citizenAccessLog,
                                          DpoAccessLogProjection dpoAccessLog, ReIdentificationProjection reIdentifications,
                                          PurposeCatalogueProjection purposes, CaseTypeCatalogueProjection caseTypes,
                                          OfficeCatalogueProjection offices, DisposalListProjection disposalLists) {
        // each model's rebuild writes with the live model's own settings (sealer, pseudonym key, zone)
        Map<String, ProjectionRebuilds.Beside> others = Map.of(
                CitizenAccessLogProjection.PROCESSING_GROUP, beside(jdbc, CitizenAccessLogProjection.PROCESSING_GROUP,
                        citizenAccessLog::inGeneration, citizenAccessLog::clear),
                DpoAccessLogProjection.PROCESSING_GROUP, beside(jdbc, DpoAccessLogProjection.PROCESSING_GROUP,
                        dpoAccessLog::inGeneration, dpoAccessLog::clear),
                ReIdentificationProjection.PROCESSING_GROUP, beside(jdbc, ReIdentificationProjection.PROCESSING_GROUP,
                        reIdentifications::inGeneration, reIdentifications::clear),
                PurposeCatalogueProjection.PROCESSING_GROUP, beside(jdbc, PurposeCatalogueProjection.PROCESSING_GROUP,
                        purposes::inGeneration, purposes::clear),
                CaseTypeCatalogueProjection.PROCESSING_GROUP, beside(jdbc, CaseTypeCatalogueProjection.PROCESSING_GROUP,
                        caseTypes::inGeneration, caseTypes::clear),
                OfficeCatalogueProjection.PROCESSING_GROUP, beside(jdbc, OfficeCatalogueProjection.PROCESSING_GROUP,
                        offices::inGeneration, offices::clear),
                DisposalListProjection.PROCESSING_GROUP, beside(jdbc, DisposalListProjection.PROCESSING_GROUP,
                        disposalLists::inGeneration, disposalLists::clear));
        return new ProjectionRebuilds(processing, eventStore, tokens, transactions, jdbc, searchGenerations, sealer, clock,
                others);
    }

    private static ProjectionRebuilds.Beside beside(JdbcTemplate jdbc, String name, IntFunction<Object> handlers,
                                                    IntConsumer clear) {
        return new ProjectionRebuilds.Beside(new Generations(jdbc, name), handlers, clear);
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
