package de.eakte.audit.access;

import de.eakte.core.shared.CitizenId;

/**
 * The per-citizen access chain as it is stored: a pseudo-aggregate of type {@value #TYPE} with the
 * identifier {@code access-log-<citizen>} whose sequence numbers are the chain's, gap-free from 0.
 * The event table's UNIQUE (aggregate_identifier, sequence_number) is what keeps the chain from
 * forking when several writers (threads, instances) extend it at once: the loser's insert fails,
 * and it retries after re-reading the head.
 */
public final class CitizenAccessLog {

    public static final String TYPE = "CitizenAccessLog";
    private static final String PREFIX = "access-log-";

    private CitizenAccessLog() {
    }

    public static String aggregateId(CitizenId citizen) {
        return PREFIX + citizen;
    }

    public static CitizenId citizenOf(String aggregateId) {
        if (!aggregateId.startsWith(PREFIX)) {
            throw new IllegalArgumentException(aggregateId + " is no citizen's access log");
        }
        return CitizenId.of(aggregateId.substring(PREFIX.length()));
    }
}
