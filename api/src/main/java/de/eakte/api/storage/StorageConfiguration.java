package de.eakte.api.storage;

import de.eakte.core.citizens.RetentionFacts;
import de.eakte.projections.file.ConsolidatedFileProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/** Database adapters of the core ports. */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

    @Bean
    JdbcFileReferenceAllocator fileReferenceAllocator(DataSource dataSource, JdbcTemplate jdbc) {
        return new JdbcFileReferenceAllocator(dataSource, jdbc);
    }

    @Bean
    PreReleaseEventsCheck preReleaseEventsCheck(JdbcTemplate jdbc) {
        return new PreReleaseEventsCheck(jdbc);
    }

    @Bean
    EventStoreCitizenRegistry citizenRegistry(JdbcTemplate jdbc) {
        return new EventStoreCitizenRegistry(jdbc);
    }

    /** Retention facts come from the consolidated file's case rows (status, hold, retention end). */
    @Bean
    RetentionFacts retentionFacts(ConsolidatedFileProjection projection) {
        return projection::retention;
    }
}
