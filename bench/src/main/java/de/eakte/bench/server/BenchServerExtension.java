package de.eakte.bench.server;

import de.eakte.core.access.AccessRecord;
import de.eakte.core.access.AccessRecorder;
import de.eakte.core.access.SearchRecord;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The bench's additions to the real server, loaded only when the bench starts {@code eakte.jar}
 * with this jar on {@code loader.path}; the runtime jar knows nothing of them.
 * <ul>
 * <li>{@code GET /bench/ceiling}: 1 KB of JSON behind the server's own security chain (JWT
 * validation of every request), touching no database: the HTTP + token-check ceiling.</li>
 * <li>With {@code eakte.bench.no-recorder=true} (scenario c only): a no-op {@link AccessRecorder}
 * replaces the event-store recorder, so the same query path runs without recording.</li>
 * <li>{@code POST /bench/bulk/citizens} and {@code /bench/bulk/cases}: the data set's bulk path
 * ({@code --bulk}), see {@link BulkDataController}.</li>
 * </ul>
 */
@AutoConfiguration
@Import(BulkDataController.class)
public class BenchServerExtension {

    @Bean
    @Primary
    @ConditionalOnProperty(name = "eakte.bench.no-recorder", havingValue = "true")
    AccessRecorder benchNoOpAccessRecorder() {
        return new AccessRecorder() {
            @Override
            public void record(AccessRecord record) {
                // scenario (c): the query path without recording
            }

            @Override
            public void recordSearch(SearchRecord search, List<AccessRecord> shown) {
                // scenario (c): the query path without recording
            }
        };
    }

    /** Registered as a member class of this configuration. */
    @RestController
    public static class CeilingController {

        private static final String BODY;

        static {
            StringBuilder sb = new StringBuilder("{\"ceiling\":true,\"padding\":\"");
            while (sb.length() < 1000) {
                sb.append("eAkte-ceiling-");
            }
            BODY = sb.append("\"}").toString();
        }

        @GetMapping(value = "/bench/ceiling", produces = "application/json")
        public String ceiling() {
            return BODY;
        }
    }
}
