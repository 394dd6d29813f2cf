package de.eakte.api.catalogue;

import de.eakte.core.catalogue.Catalogue;
import de.eakte.core.catalogue.OfficeDirectory;
import de.eakte.core.catalogue.changes.OfficeChange;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wiring of the offices: the {@link OfficeChange} aggregate (registered with the configurer, as
 * core carries no Spring stereotype; a handful of events per change, so no snapshots), its read
 * model, and the offices in force as the {@link OfficeDirectory} that new case types and purposes
 * are checked against.
 */
@Configuration(proxyBeanMethods = false)
public class OfficeCatalogueConfiguration {

    @Bean
    ConfigurerModule officeChangeAggregate() {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(OfficeChange.class));
    }

    @Bean
    OfficeCatalogueProjection officeCatalogueProjection(JdbcTemplate jdbc) {
        return new OfficeCatalogueProjection(jdbc);
    }

    /**
     * Primary over the seeded {@link Catalogue} bean, which is a directory too: approved changes
     * are in force (Axon resolves the change handlers' parameter to the primary bean).
     */
    @Bean
    @Primary
    JdbcOfficeDirectory jdbcOfficeDirectory(JdbcTemplate jdbc, Catalogue catalogue) {
        return new JdbcOfficeDirectory(jdbc, catalogue);
    }
}
