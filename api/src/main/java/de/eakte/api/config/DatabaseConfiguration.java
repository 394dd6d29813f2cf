package de.eakte.api.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Locale;

/**
 * Settings of the database connection that the code relies on, so an operator's URL need not carry
 * them.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    static final String REWRITE_BATCHED_INSERTS = "reWriteBatchedInserts";

    /**
     * On PostgreSQL, pgjdbc sends a JDBC batch of {@code INSERT}s as multi-row {@code INSERT}s, one
     * round trip and one statement execution for many rows. The read models write each batch of
     * events that way (decision 0009); without it every row is executed on its own. Only for a
     * PostgreSQL URL (H2 would refuse the unknown setting), and a value the operator put into the
     * URL wins.
     */
    @Bean
    static BeanPostProcessor postgresBatchedInserts() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && rewritesBatchesByDefault(pool.getJdbcUrl())) {
                    pool.addDataSourceProperty(REWRITE_BATCHED_INSERTS, "true");
                }
                return bean;
            }
        };
    }

    static boolean rewritesBatchesByDefault(String url) {
        return url != null && url.startsWith("jdbc:postgresql:")
                && !url.toLowerCase(Locale.ROOT).contains(REWRITE_BATCHED_INSERTS.toLowerCase(Locale.ROOT));
    }
}
