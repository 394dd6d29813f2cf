package de.eakte.api.web;

import de.eakte.api.support.Http;
import de.eakte.api.support.PostgresApiTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A claimed Idempotency-Key whose request died after its command, before it recorded the result. */
class IdempotencyIT extends PostgresApiTest {

    /** Sends once, then turns the record back into a bare claim of the given age, as a crash would leave it. */
    private Http.Response createThenLoseTheResult(String subject, String key, Map<String, Object> body, Duration age) {
        Http.Response first = http.post("/api/citizens", body).token(staffToken(subject, "33"))
                .header("Idempotency-Key", key).send();
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        jdbc.update("UPDATE idempotency_record SET created_id = NULL, created_at = ? WHERE caller = ? AND idem_key = ?",
                clock.instant().minus(age).atOffset(ZoneOffset.UTC), subject, key);
        return first;
    }

    @Test
    void givenFreshPendingClaim_whenRetried_thenInProgress() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = citizenBody("Frisch", "Fritz", "1970-01-01");
        createThenLoseTheResult("idem-fresh", key, body, Duration.ofSeconds(5));

        Http.Response retry = http.post("/api/citizens", body).token(staffToken("idem-fresh", "33"))
                .header("Idempotency-Key", key).send();

        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.json().path("type").asString()).isEqualTo("urn:eakte:problem:idempotency-in-progress");
    }

    @Test
    void givenAbandonedClaim_whenRetried_thenTheKeyIsClaimedAnewAndKeepsItsNewResult() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = citizenBody("Verlassen", "Vera", "1970-01-01");
        createThenLoseTheResult("idem-abandoned", key, body, Duration.ofMinutes(5));

        Http.Response retry = http.post("/api/citizens", body).token(staffToken("idem-abandoned", "33"))
                .header("Idempotency-Key", key).send();
        Http.Response again = http.post("/api/citizens", body).token(staffToken("idem-abandoned", "33"))
                .header("Idempotency-Key", key).send();

        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("citizenId")).isEqualTo(retry.text("citizenId"));
    }
}
