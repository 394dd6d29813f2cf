package de.eakte.api.ledger;

import de.eakte.audit.ledger.store.JdbcLedger;
import de.eakte.audit.ledger.store.LedgerAppender;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;

/** Wires the ledger: its tables, the signing key, the appender and its thread. */
@Configuration
public class LedgerConfiguration {

    @Bean
    JdbcLedger jdbcLedger(JdbcTemplate jdbc) {
        return new JdbcLedger(jdbc);
    }

    @Bean
    LedgerSigningKey ledgerSigningKey(Environment env) {
        return LedgerSigningKey.load(env);
    }

    @Bean
    LedgerAppender ledgerAppender(JdbcLedger ledger, PlatformTransactionManager transactions, LedgerSigningKey key,
                                  Clock clock, Environment env) {
        LedgerAppender.Settings settings = new LedgerAppender.Settings(
                env.getProperty("eakte.ledger.batch-size", Integer.class, 1000),
                env.getProperty("eakte.ledger.gap-wait", Duration.class, Duration.ofMillis(500)),
                env.getProperty("eakte.ledger.gap-watch", Duration.class, Duration.ofHours(24)),
                env.getProperty("eakte.ledger.checkpoint-interval", Duration.class, Duration.ofMillis(500)),
                key.signer().keyName());
        return new LedgerAppender(ledger, new TransactionTemplate(transactions), key.signer(), clock, System::nanoTime,
                settings);
    }

    @Bean
    LedgerRunner ledgerRunner(LedgerAppender appender, JdbcLedger ledger, LedgerSigningKey key, Clock clock,
                              Environment env) {
        return new LedgerRunner(appender, () -> ledger.publishKey(key.published(clock.instant()), clock.instant()),
                env.getProperty("eakte.ledger.poll-interval", Duration.class, Duration.ofMillis(50)));
    }
}
