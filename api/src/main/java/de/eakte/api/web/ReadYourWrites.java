package de.eakte.api.web;

import de.eakte.projections.file.ConsolidatedFileProjection;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read-your-writes across instances: a write answers with a {@code Consistency-Token}
 * ({@code <aggregate id>:<version>}); a read that sends it back waits, bounded, until the read
 * model stored in the shared database has reached that version, else answers 503 with Retry-After.
 */
public class ReadYourWrites {

    public static final String HEADER = "Consistency-Token";
    private static final Pattern TOKEN = Pattern.compile(
            "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([0-9]{1,18})");
    private static final int MAX_TOKENS = 20;

    private final ConsolidatedFileProjection projection;
    private final Duration timeout;

    public ReadYourWrites(ConsolidatedFileProjection projection, Duration timeout) {
        this.projection = projection;
        this.timeout = timeout;
    }

    public static String token(Object aggregateId, long version) {
        return aggregateId + ":" + version;
    }

    /** Waits until every named aggregate version is in the read model. */
    public void await(List<String> headerValues) {
        List<String[]> wanted = parse(headerValues);
        if (wanted.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        long pauseNanos = Duration.ofMillis(2).toNanos();
        for (String[] token : wanted) {
            long version = Long.parseLong(token[1]);
            while (projection.reachedVersion(token[0]).orElse(-1L) < version) {
                if (System.nanoTime() > deadline) {
                    throw new ProjectionLagException("The read model has not yet reached version " + version + " of "
                            + token[0] + "; retry shortly.");
                }
                LockSupport.parkNanos(pauseNanos);
                pauseNanos = Math.min(pauseNanos * 2, Duration.ofMillis(50).toNanos());
            }
        }
    }

    private static List<String[]> parse(List<String> headerValues) {
        List<String[]> tokens = new ArrayList<>();
        if (headerValues == null) {
            return tokens;
        }
        for (String value : headerValues) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                Matcher m = TOKEN.matcher(part.trim());
                if (!m.matches()) {
                    throw new PreconditionException(HttpStatus.BAD_REQUEST, "consistency-token", "Invalid Consistency-Token",
                            "Consistency-Token must be <id>:<version> as returned by a write");
                }
                tokens.add(new String[] {m.group(1), m.group(2)});
            }
        }
        if (tokens.size() > MAX_TOKENS) {
            throw new PreconditionException(HttpStatus.BAD_REQUEST, "consistency-token", "Invalid Consistency-Token",
                    "At most " + MAX_TOKENS + " consistency tokens per request");
        }
        return tokens;
    }
}
