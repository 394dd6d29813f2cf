package de.eakte.api.access;

import de.eakte.audit.access.AccessLogAppender;
import de.eakte.audit.access.AccessLogRetention;
import de.eakte.audit.access.DenialFlood;
import de.eakte.audit.access.DenialFloodRecorder;
import de.eakte.audit.access.EventStoreAccessRecorder;
import de.eakte.core.crypto.DataKeys;
import de.eakte.core.crypto.FieldSealer;
import de.eakte.audit.access.GroupCommitWriter;
import de.eakte.core.access.AccessRecorder;
import de.eakte.core.access.policy.AccessPolicy;
import de.eakte.core.access.policy.DefaultPurposes;
import de.eakte.core.access.policy.Purpose;
import de.eakte.core.access.policy.PurposeCode;
import de.eakte.core.access.policy.PurposeDirectory;
import de.eakte.core.catalogue.Catalogue;
import de.eakte.core.shared.OfficeCode;
import de.eakte.projections.file.ConsolidatedFileProjection;
import de.eakte.projections.search.Generations;
import de.eakte.projections.search.SearchQueries;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The access policy and what it needs: purposes, break-glass grants, the facts of the read model. */
@Configuration(proxyBeanMethods = false)
public class AccessConfiguration {

    /** The seeded purposes; a catalogue read model with approved changes takes precedence when present. */
    @Bean
    PurposeDirectory defaultPurposeDirectory(Catalogue catalogue) {
        List<Purpose> purposes = DefaultPurposes.of(catalogue);
        return new PurposeDirectory() {
            @Override
            public Optional<Purpose> find(OfficeCode office, PurposeCode code) {
                return purposes.stream().filter(p -> p.office().equals(office) && p.code().equals(code)).findFirst();
            }

            @Override
            public List<Purpose> of(OfficeCode office) {
                return purposes.stream().filter(p -> p.office().equals(office)).toList();
            }
        };
    }

    /**
     * Each access is an event in the event store, the next link of its citizen's chain, committed
     * before the data is returned.
     */
    @Bean
    AccessLogAppender accessLogAppender(EventBus eventBus, TransactionManager transactionManager, JdbcTemplate jdbc,
                                        @Qualifier("eventSerializer") Serializer eventSerializer,
                                        @Value("${eakte.access-log.max-attempts:10}") int maxAttempts) {
        return new AccessLogAppender(eventBus, transactionManager, jdbc, eventSerializer, maxAttempts);
    }

    /**
     * Group commit: one writer stores what concurrent requests queued in one transaction
     * (docs/decisions/0006-access-log-group-commit.md). Closed on shutdown after the web server
     * stopped taking requests, storing what is still queued.
     */
    @Bean(destroyMethod = "close")
    GroupCommitWriter accessLogWriter(AccessLogAppender appender,
                                      @Value("${eakte.access-log.queue-capacity:10000}") int capacity,
                                      @Value("${eakte.access-log.max-batch:500}") int maxBatch,
                                      @Value("${eakte.access-log.max-wait:PT5S}") Duration maxWait) {
        return new GroupCommitWriter(appender, capacity, maxBatch, maxWait).start();
    }

    /** Which key seals an access entry, and when it is destroyed (docs/operations.md, "Access-log retention"). */
    @Bean
    AccessLogRetention accessLogRetention(Environment environment) {
        return AccessLogRetentionSettings.from(environment);
    }

    /**
     * Every decision is stored before the answer leaves, except a caller's denials past the flood
     * threshold, which are counted and stored per citizen once the window ends
     * (docs/decisions/0008-denial-floods.md). Closed before the writer, so what is counted is stored.
     */
    @Bean(destroyMethod = "close")
    DenialFloodRecorder accessRecorder(GroupCommitWriter writer, FieldSealer sealer, AccessLogRetention retention,
                                       Clock clock,
                                       @Value("${eakte.access.denial-flood.threshold:20}") int threshold,
                                       @Value("${eakte.access.denial-flood.window:PT1M}") Duration window,
                                       @Value("${eakte.access.denial-flood.max-citizens:1000}") int maxCitizens) {
        return new DenialFloodRecorder(new EventStoreAccessRecorder(writer, sealer, retention),
                new DenialFlood(clock, threshold, window, maxCitizens), writer, sealer, retention)
                .start(Duration.ofSeconds(1));
    }

    @Bean
    AccessLogKeyShredder accessLogKeyShredder(JdbcTemplate jdbc, DataKeys keys, AccessLogRetention retention,
                                              EventBus eventBus, TransactionManager transactions, Clock clock,
                                              BreakGlassRegistry breakGlass) {
        return new AccessLogKeyShredder(jdbc, keys, retention, eventBus, transactions, clock, breakGlass);
    }

    @Bean
    AccessPolicy accessPolicy(PurposeDirectory purposes,
                              @Value("${eakte.access.case-context:P90D}") Duration caseContext,
                              @Value("${eakte.access.break-glass.daily-quota:3}") int quota) {
        return new AccessPolicy(purposes, caseContext, quota);
    }

    @Bean
    BreakGlassRegistry breakGlassRegistry(JdbcTemplate jdbc, EventBus eventBus, TransactionManager transactions,
                                          Clock clock,
                                          @Value("${eakte.access.break-glass.duration:PT30M}") Duration duration,
                                          FieldSealer sealer, AccessLogRetention retention) {
        return new BreakGlassRegistry(jdbc, eventBus, transactions, clock, duration, sealer, retention);
    }

    /** The search model's queries: only CitizenDataReads asks them, hit by hit through the policy. */
    @Bean
    SearchQueries searchQueries(JdbcTemplate jdbc, Generations searchGenerations, Clock clock) {
        return new SearchQueries(jdbc, searchGenerations, clock);
    }

    @Bean
    CitizenDataReads citizenDataReads(QueryGateway queries, ConsolidatedFileProjection projection, AccessPolicy policy,
                                      BreakGlassRegistry breakGlass, AccessRecorder recorder, Clock clock,
                                      @Value("${eakte.access.break-glass.daily-quota:3}") int quota,
                                      SearchQueries search, PurposeDirectory purposes, JdbcTemplate jdbc) {
        return new CitizenDataReads(queries, projection, policy, breakGlass, recorder, clock, quota, search, purposes,
                jdbc);
    }
}
