package de.eakte.api.config;

import de.eakte.api.support.PostgresApiTest;
import org.junit.jupiter.api.Test;

import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's own PostgreSQL connections send a batch of inserts as multi-row inserts. */
class DatabaseConfigurationIT extends PostgresApiTest {

    @Test
    void aBatchOfInsertsGoesOutRewritten() {
        jdbc.execute("CREATE TEMPORARY TABLE rewrite_probe (n INT)");
        try {
            int[] counts = jdbc.batchUpdate("INSERT INTO rewrite_probe (n) VALUES (?)",
                    List.of(new Object[]{1}, new Object[]{2}, new Object[]{3}));

            // pgjdbc reports rows it sent as one multi-row insert as done without a row count (it groups
            // them in powers of two: 2 + 1 here); sent one by one, each would say 1
            assertThat(counts).containsExactly(Statement.SUCCESS_NO_INFO, Statement.SUCCESS_NO_INFO, 1);
            assertThat(jdbc.queryForObject("SELECT SUM(n) FROM rewrite_probe", Integer.class)).isEqualTo(6);
        } finally {
            jdbc.execute("DROP TABLE IF EXISTS rewrite_probe");
        }
    }

    @Test
    void onlyAPostgresqlUrlWithoutTheOperatorsOwnSettingGetsIt() {
        assertThat(DatabaseConfiguration.rewritesBatchesByDefault("jdbc:postgresql://db:5432/eakte")).isTrue();
        assertThat(DatabaseConfiguration.rewritesBatchesByDefault("jdbc:postgresql://db/eakte?reWriteBatchedInserts=false"))
                .isFalse();
        assertThat(DatabaseConfiguration.rewritesBatchesByDefault("jdbc:h2:file:./data/eakte")).isFalse();
        assertThat(DatabaseConfiguration.rewritesBatchesByDefault(null)).isFalse();
    }
}
