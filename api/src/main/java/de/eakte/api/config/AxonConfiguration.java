package de.eakte.api.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.eakte.core.cases.Case;
import de.eakte.core.catalogue.Catalogue;
import de.eakte.core.citizens.CitizenFile;
import de.eakte.core.crypto.FieldSealer;
import de.eakte.projections.file.ConsolidatedFileProjection;
import de.eakte.projections.retention.DisposalListProjection;
import de.eakte.projections.search.Generations;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * Axon wiring: aggregates are registered here (core carries no Spring stereotype), the JDBC
 * storage engine gets the snake_case tables the migrations own, and Jackson 2 serialises events,
 * messages, snapshots and tokens.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** Metadata keys every event inherits from the command that caused it. */
    public static final String ACTOR_SUBJECT = "actorSubject";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String ACTOR_OFFICE = "actorOffice";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String TRACE_ID = "traceId";

    /**
     * A snapshot every N events keeps loading a long-lived case cheap (STACK.md: 49 -> 196 events/s
     * on one aggregate with snapshots every 100). Aggregates hold no personal data, so neither do
     * their snapshots.
     */
    @Bean
    ConfigurerModule aggregates(@Value("${eakte.snapshot-every:100}") int snapshotEvery) {
        return configurer -> configurer
                .configureAggregate(AggregateConfigurer.defaultConfiguration(CitizenFile.class)
                        .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), snapshotEvery)))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Case.class)
                        .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), snapshotEvery)));
    }

    /**
     * Axon's Spring snapshotter only knows aggregates declared with the Spring stereotype; ours are
     * registered with the configurer (core carries no Spring), so the snapshotter is built here. It
     * is built on first use, when every bean its handlers take as parameters (Clock, Catalogue,
     * ports) can be resolved.
     */
    @Bean
    Snapshotter snapshotter(ObjectProvider<EventStore> eventStore, ObjectProvider<TransactionManager> transactions,
                            ObjectProvider<org.axonframework.config.Configuration> axon) {
        // the same parameter resolvers the command handlers use (they resolve Spring beans)
        Supplier<Snapshotter> build = () -> {
            ParameterResolverFactory resolvers = axon.getObject().parameterResolverFactory();
            HandlerDefinition handlers = axon.getObject().handlerDefinition(Case.class);
            // GenericAggregateFactory(Class) would inspect with classpath resolvers only and fail on them
            return AggregateSnapshotter.builder()
                    .eventStore(eventStore.getObject())
                    .parameterResolverFactory(resolvers)
                    .handlerDefinition(handlers)
                    .aggregateFactories(
                            new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(
                                    CitizenFile.class, resolvers, handlers)),
                            new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(
                                    Case.class, resolvers, handlers)))
                    .transactionManager(transactions.getObject())
                    .build();
        };
        return new LazySnapshotter(build);
    }

    /** Builds its delegate on the first snapshot. */
    static final class LazySnapshotter implements Snapshotter {
        private final Supplier<Snapshotter> factory;
        private volatile Snapshotter delegate;

        LazySnapshotter(Supplier<Snapshotter> factory) {
            this.factory = factory;
        }

        @Override
        public void scheduleSnapshot(Class<?> aggregateType, String aggregateIdentifier) {
            Snapshotter target = delegate;
            if (target == null) {
                synchronized (this) {
                    if (delegate == null) {
                        try {
                            delegate = factory.get();
                        } catch (RuntimeException e) {
                            // runs after the command committed: a snapshot is an optimisation, never a failure
                            LoggerFactory.getLogger(LazySnapshotter.class).warn("snapshotter unavailable", e);
                            return;
                        }
                    }
                    target = delegate;
                }
            }
            target.scheduleSnapshot(aggregateType, aggregateIdentifier);
        }
    }

    /** The one time source of the domain and the read models; tests replace it with a @Primary clock. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Catalogue catalogue() {
        return Catalogue.defaults();
    }

    @Bean
    ConsolidatedFileProjection consolidatedFileProjection(JdbcTemplate jdbc, Clock clock, FieldSealer sealer) {
        // the live processor writes into the active generation; a rebuild fills the next one beside it (ProjectionRebuilds)
        return new ConsolidatedFileProjection(jdbc, clock, sealer,
                new Generations(jdbc, ConsolidatedFileProjection.PROCESSING_GROUP)::active);
    }

    @Bean
    DisposalListProjection disposalListProjection(JdbcTemplate jdbc) {
        return new DisposalListProjection(jdbc);
    }

    @Bean
    ConfigurerModule disposalListProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(DisposalListProjection.PROCESSING_GROUP));
    }

    /**
     * Tracking processors handle events in batches, one transaction per batch: with Axon's default of
     * one event per transaction, a rebuild commits (and stores its token) once per event and runs
     * at a few hundred events a second (docs/BENCHMARKS.md, scenario f). A batch takes what is there
     * and never waits to fill, so single events still go through at once.
     */
    @Bean
    ConfigurerModule trackingProcessorBatches(@Value("${eakte.processing.batch-size:200}") int batchSize) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessorConfiguration(c -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing().andBatchSize(batchSize)));
    }

    /**
     * An event a handler fails on is never skipped: the batch rolls back, its token stays, and the
     * processor retries it with back-off until it goes through. Axon's default logs the failure and
     * goes on with the next event, so one timed-out or failed statement would leave an access entry
     * out of the DPO's log or a case out of the consolidated file for good (seen in the ledger bench
     * under overload: a batch of the DPO log interrupted after Axon's 60 s unit-of-work timeout).
     */
    @Bean
    ConfigurerModule failedEventsAreRetried() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(c -> PropagatingErrorHandler.instance()));
    }

    /** Events name the message that caused them (causationId) and the trace they belong to. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider(CAUSATION_ID, TRACE_ID);
    }

    /** Events inherit the actor and the request's correlation id from their command. */
    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(ACTOR_SUBJECT, ACTOR_ROLE, ACTOR_OFFICE, CORRELATION_ID);
    }

    /*
     * Axon 4.13's JdbcAutoConfiguration and TransactionAutoConfiguration order themselves after
     * Spring Boot 3's DataSource/transaction auto-configurations, which Boot 4 moved; their
     * conditions then see no DataSource and no Axon transaction manager. So the storage engine,
     * token store and transaction manager are declared here, explicitly.
     */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          EventSchema schema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(new JdbcSQLErrorCodesResolver())
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(schema)
                .build();
    }

    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema schema) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(schema)
                .serializer(serializer)
                .contentType(byte[].class)
                .build();
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("aggregate_type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("token_timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /** The Jackson 2 mapper Axon's serializer uses; Spring MVC keeps its own Jackson 3 mapper. */
    @Bean
    ObjectMapper axonObjectMapper() {
        return eventObjectMapper();
    }

    /** Shared with the tests that pin the stored form of every event. */
    public static ObjectMapper eventObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
