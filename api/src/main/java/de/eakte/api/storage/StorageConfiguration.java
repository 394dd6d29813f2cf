package de.eakte.api.storage;

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
    EventStoreCitizenRegistry citizenRegistry(JdbcTemplate jdbc) {
        return new EventStoreCitizenRegistry(jdbc);
    }
}
