package de.eakte.api.projections;

import de.eakte.api.support.Http;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The rebuild ITs' wait: polls the admin endpoint until the model's last rebuild ended, and insists it is DONE. */
final class Rebuilds {

    private Rebuilds() {
    }

    static JsonNode awaitDone(Http http, String admin, String name, Duration atMost, Duration poll) {
        List<JsonNode> last = new ArrayList<>();
        await().atMost(atMost).pollInterval(poll).untilAsserted(() -> {
            Http.Response status = http.get("/api/admin/projections/" + name).token(admin).send();
            assertThat(status.status()).as(status.body()).isEqualTo(200);
            String state = status.json().path("lastRebuild").path("state").asString();
            assertThat(state).as(status.body()).isIn("DONE", "FAILED");
            last.add(status.json());
        });
        JsonNode done = last.get(last.size() - 1);
        assertThat(done.path("lastRebuild").path("state").asString()).as(done.toString()).isEqualTo("DONE");
        return done;
    }
}
