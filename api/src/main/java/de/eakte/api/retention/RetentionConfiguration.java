package de.eakte.api.retention;

import de.eakte.api.web.Commands;
import de.eakte.core.retention.DisposalList;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/**
 * Wiring of disposal: the {@link DisposalList} aggregate (a handful of events per list, so no
 * snapshots), its register on the database, the draw-up and its daily schedule.
 */
@Configuration(proxyBeanMethods = false)
public class RetentionConfiguration {

    @Bean
    ConfigurerModule disposalListAggregate() {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(DisposalList.class));
    }

    @Bean
    JdbcRetentionRegister retentionRegister(JdbcTemplate jdbc) {
        return new JdbcRetentionRegister(jdbc);
    }

    @Bean
    DisposalLists disposalLists(Commands commands, JdbcRetentionRegister register, Clock clock) {
        return new DisposalLists(commands, register, clock);
    }

    @Bean
    RetentionSchedule retentionSchedule(DisposalLists lists) {
        return new RetentionSchedule(lists);
    }
}
