package de.eakte.api.web;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Idempotency-Key for creating POSTs. A key is scoped to caller, route and the hash of the body;
 * the record keeps only the id that was created. The key is claimed before the command runs, so
 * two concurrent retries cannot both create; a failed command releases it.
 */
public class IdempotencyStore {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,200}");
    private static final Duration KEPT_FOR = Duration.ofHours(24);
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public IdempotencyStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The outcome of a creating request: the id, and whether it was created now or replayed. */
    public record Outcome(String createdId, boolean replayed) {
    }

    public Outcome create(String key, String caller, String route, byte[] body, Supplier<String> command) {
        if (key == null) {
            return new Outcome(command.get(), false);
        }
        if (!KEY.matcher(key).matches()) {
            throw new PreconditionException(HttpStatus.BAD_REQUEST, "idempotency-key", "Invalid Idempotency-Key",
                    "Idempotency-Key must be 8-200 characters of A-Z a-z 0-9 . _ : - (a UUID is ideal)");
        }
        String hash = sha256(body);
        try {
            claim(key, caller, route, hash);
        } catch (DuplicateKeyException seen) {
            // a claim whose request died between command and record (process killed) would block the
            // key for a day; after a while it is treated as abandoned and claimed anew
            int released = jdbc.update("""
                    DELETE FROM idempotency_record WHERE caller = ? AND route = ? AND idem_key = ?
                      AND created_id IS NULL AND created_at < ?""",
                    caller, route, key, clock.instant().minus(ABANDONED_AFTER).atOffset(ZoneOffset.UTC));
            if (released == 0) {
                return replay(key, caller, route, hash);
            }
            try {
                claim(key, caller, route, hash);
            } catch (DuplicateKeyException raced) {
                return replay(key, caller, route, hash);
            }
        }
        String created;
        try {
            created = command.get();
        } catch (RuntimeException e) {
            jdbc.update("DELETE FROM idempotency_record WHERE caller = ? AND route = ? AND idem_key = ?",
                    caller, route, key);
            throw e;
        }
        jdbc.update("UPDATE idempotency_record SET created_id = ? WHERE caller = ? AND route = ? AND idem_key = ?",
                created, caller, route, key);
        return new Outcome(created, false);
    }

    private void claim(String key, String caller, String route, String hash) {
        jdbc.update("""
                INSERT INTO idempotency_record (caller, route, idem_key, body_hash, created_id, created_at)
                VALUES (?, ?, ?, ?, NULL, ?)""", caller, route, key, hash, now());
    }

    private Outcome replay(String key, String caller, String route, String hash) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT body_hash, created_id FROM idempotency_record WHERE caller = ? AND route = ? AND idem_key = ?",
                caller, route, key);
        if (rows.isEmpty()) {
            throw new PreconditionException(HttpStatus.CONFLICT, "idempotency-in-progress", "Request in progress",
                    "A request with this Idempotency-Key has just failed or is being retried; retry.");
        }
        Map<String, Object> row = rows.get(0);
        if (!hash.equals(row.get("body_hash"))) {
            throw new PreconditionException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                    "Idempotency-Key reused", "This Idempotency-Key was used with a different request body.");
        }
        return Optional.ofNullable((String) row.get("created_id"))
                .map(id -> new Outcome(id, true))
                .orElseThrow(() -> new PreconditionException(HttpStatus.CONFLICT, "idempotency-in-progress",
                        "Request in progress", "A request with this Idempotency-Key is still being processed; retry."));
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void forgetOld() {
        jdbc.update("DELETE FROM idempotency_record WHERE created_at < ?",
                clock.instant().minus(KEPT_FOR).atOffset(ZoneOffset.UTC));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
