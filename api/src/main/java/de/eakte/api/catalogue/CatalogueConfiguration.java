package de.eakte.api.catalogue;

import de.eakte.core.access.policy.PurposeDirectory;
import de.eakte.core.catalogue.Catalogue;
import de.eakte.core.catalogue.changes.PurposeChange;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wiring of the catalogue: the {@link PurposeChange} aggregate (registered with the configurer,
 * as core carries no Spring stereotype; a change has a handful of events, so no snapshots), its
 * read model, and the purposes in force as the {@link PurposeDirectory} the access policy reads.
 */
@Configuration(proxyBeanMethods = false)
public class CatalogueConfiguration {

    @Bean
    ConfigurerModule purposeChangeAggregate() {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(PurposeChange.class));
    }

    @Bean
    PurposeCatalogueProjection purposeCatalogueProjection(JdbcTemplate jdbc) {
        return new PurposeCatalogueProjection(jdbc);
    }

    /** Primary over any directory of the seeded defaults alone: approved changes are in force. */
    @Bean
    @Primary
    JdbcPurposeDirectory jdbcPurposeDirectory(JdbcTemplate jdbc, Catalogue catalogue) {
        return new JdbcPurposeDirectory(jdbc, catalogue);
    }
}
