package de.eakte.api.catalogue;

import de.eakte.core.catalogue.CaseTypeDirectory;
import de.eakte.core.catalogue.Catalogue;
import de.eakte.core.catalogue.changes.CaseTypeChange;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wiring of the case types: the {@link CaseTypeChange} aggregate (registered with the configurer,
 * as core carries no Spring stereotype; a handful of events per change, so no snapshots), its read
 * model, and the case types in force as the {@link CaseTypeDirectory} that opening a case reads.
 */
@Configuration(proxyBeanMethods = false)
public class CaseTypeCatalogueConfiguration {

    @Bean
    ConfigurerModule caseTypeChangeAggregate() {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(CaseTypeChange.class));
    }

    @Bean
    CaseTypeCatalogueProjection caseTypeCatalogueProjection(JdbcTemplate jdbc) {
        return new CaseTypeCatalogueProjection(jdbc);
    }

    /**
     * Primary over the seeded {@link Catalogue} bean, which is a directory too: approved changes
     * are in force (Axon resolves the {@code Case} handler's parameter to the primary bean).
     */
    @Bean
    @Primary
    JdbcCaseTypeDirectory jdbcCaseTypeDirectory(JdbcTemplate jdbc, Catalogue catalogue) {
        return new JdbcCaseTypeDirectory(jdbc, catalogue);
    }
}
