package de.eakte.api.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import de.eakte.api.support.PostgresDatabase;
import de.eakte.core.cases.FileReference;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.OfficeCode;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case opening after a restart (the allocator knows no sequence yet) needs no second database
 * connection while its transaction holds one, as long as the office's sequence exists: with a pool
 * of one connection the command still gets its number. Before, the look-up took a connection of
 * its own; under load every command held one and waited for another until Axon's command timeout
 * (HTTP 500). Only the very first use of an office's year opens one, outside any wait here, and
 * the following year's sequence is made ahead in the background, so New Year needs none either.
 */
class FileReferencePoolIT {

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void givenTheSequenceExists_whenAFreshAllocatorOpensACaseOnAPoolOfOne_thenItGetsItsNumber(String engine) {
        HikariConfig config = new HikariConfig();
        if (engine.equals("postgresql")) {
            config.setJdbcUrl(PostgresDatabase.url());
            config.setUsername(PostgresDatabase.user());
            config.setPassword(PostgresDatabase.password());
        } else {
            config.setJdbcUrl("jdbc:h2:mem:refs-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        }
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(1_000);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            jdbc.execute("""
                    CREATE TABLE IF NOT EXISTS file_reference (reference VARCHAR(40) NOT NULL PRIMARY KEY,
                      office VARCHAR(3) NOT NULL, ref_year INTEGER NOT NULL, ref_number BIGINT NOT NULL,
                      case_id VARCHAR(36) NOT NULL)""");
            OfficeCode office = new OfficeCode("63");
            int year = 2100 + Math.floorMod(UUID.randomUUID().hashCode(), 800); // a year of this test's own
            new JdbcFileReferenceAllocator(pool, jdbc).ensureSequence(office, year); // an earlier run created it
            TransactionTemplate command = new TransactionTemplate(new DataSourceTransactionManager(pool));
            JdbcFileReferenceAllocator afterRestart = new JdbcFileReferenceAllocator(pool, jdbc);

            FileReference reference = command.execute(status -> {
                FileReference drawn = afterRestart.allocate(office, "600.10", year, CaseId.random());
                status.setRollbackOnly(); // leave no reservation behind in the shared database
                return drawn;
            });

            assertThat(reference.toString()).startsWith("63-600.10-").endsWith("-" + year);

            // 1 January: the following year's sequence was made ahead, off the command's path, so the
            // year's first case also gets its number on the pool of one (without it: a second connection, timeout)
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sequenceExists(jdbc,
                    JdbcFileReferenceAllocator.sequenceName(office, year + 1)));
            FileReference newYear = command.execute(status -> {
                FileReference drawn = new JdbcFileReferenceAllocator(pool, jdbc).allocate(office, "600.10", year + 1,
                        CaseId.random());
                status.setRollbackOnly();
                return drawn;
            });
            assertThat(newYear.toString()).endsWith("-" + (year + 1));
        }
    }

    private static boolean sequenceExists(JdbcTemplate jdbc, String name) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.sequences WHERE LOWER(sequence_name) = ?",
                Integer.class, name) > 0;
    }
}
