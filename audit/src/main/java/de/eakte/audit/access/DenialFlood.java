package de.eakte.audit.access;

import de.eakte.core.access.AccessOutcome;
import de.eakte.core.access.AccessRecord;
import de.eakte.core.access.Channel;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CitizenId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which denials are recorded one by one and which only in aggregate: per caller (the actor's
 * role and subject) the first {@code threshold} denials of a window are recorded as usual; the
 * ones after that are counted per citizen into the caller's {@link Flood}, which is handed out for
 * recording once its window has ended (docs/decisions/0008-denial-floods.md). Granted reads are
 * never counted. Thread-safe; the state is one small entry per caller who was denied in the
 * current window.
 */
public final class DenialFlood {

    private final Clock clock;
    private final int threshold;
    private final Duration window;
    private final int maxCitizens;
    private final Map<String, Caller> callers = new HashMap<>();
    private final List<Flood> closed = new ArrayList<>();

    /**
     * @param threshold   denials per caller and window recorded one by one
     * @param window      how long a caller's window lasts from their first denial in it
     * @param maxCitizens citizens one flood holds at most; a flood that would hold more is closed
     *                    and a new one begins, so memory stays bounded during an enumeration
     */
    public DenialFlood(Clock clock, int threshold, Duration window, int maxCitizens) {
        if (threshold < 1 || window.isNegative() || window.isZero() || maxCitizens < 1) {
            throw new IllegalArgumentException("the denial-flood threshold, window and citizen cap must be positive");
        }
        this.clock = clock;
        this.threshold = threshold;
        this.window = window;
        this.maxCitizens = maxCitizens;
    }

    /** What one flood holds for one citizen. */
    public record Tally(int attempts, Map<String, Integer> rules, Set<Channel> channels) {
    }

    /** One caller's denials beyond the threshold in one window, per citizen, in the order first met. */
    public record Flood(UUID floodId, Actor actor, Instant from, Instant until, Map<CitizenId, Tally> citizens) {

        public int attempts() {
            return citizens.values().stream().mapToInt(Tally::attempts).sum();
        }
    }

    /**
     * Whether this decision is to be recorded on its own. A denial past the caller's threshold is
     * counted into their flood instead, and false is returned.
     */
    public synchronized boolean recordIndividually(AccessRecord record) {
        if (record.outcome() != AccessOutcome.DENIED) {
            return true;
        }
        Instant now = clock.instant();
        String key = record.actor().role().name() + ":" + record.actor().subject();
        Caller caller = callers.get(key);
        if (caller == null || !now.isBefore(caller.windowStart.plus(window))) {
            if (caller != null) {
                caller.close(closed);
            }
            caller = new Caller(now);
            callers.put(key, caller);
        }
        caller.denials++;
        if (caller.denials <= threshold) {
            return true;
        }
        caller.count(record, now, maxCitizens, closed);
        return false;
    }

    /**
     * The floods ready to be recorded (their window ended, or they reached the citizen cap) and,
     * with {@code all}, every open one too (on shutdown). Each is handed out once; give back what
     * could not be stored with {@link #retry}.
     */
    public synchronized List<Flood> takeReady(boolean all) {
        Instant now = clock.instant();
        for (Iterator<Caller> it = callers.values().iterator(); it.hasNext(); ) {
            Caller caller = it.next();
            boolean ended = !now.isBefore(caller.windowStart.plus(window));
            if (ended || all) {
                caller.close(closed);
            }
            if (ended) {
                it.remove();
            }
        }
        List<Flood> ready = List.copyOf(closed);
        closed.clear();
        return ready;
    }

    /** A flood that could not be stored goes back to be handed out again. */
    public synchronized void retry(Flood flood) {
        closed.add(flood);
    }

    /** One caller's current window. */
    private static final class Caller {
        final Instant windowStart;
        int denials;
        Actor actor;
        UUID floodId;
        Instant from;
        Instant until;
        Map<CitizenId, Tally> citizens;

        Caller(Instant windowStart) {
            this.windowStart = windowStart;
        }

        void count(AccessRecord record, Instant now, int maxCitizens, List<Flood> closed) {
            if (citizens != null && citizens.size() >= maxCitizens && !citizens.containsKey(record.citizenId())) {
                close(closed);
            }
            if (citizens == null) {
                floodId = UUID.randomUUID();
                from = now;
                citizens = new LinkedHashMap<>();
            }
            until = now;
            Tally was = citizens.get(record.citizenId());
            Map<String, Integer> rules = was == null ? new HashMap<>() : new HashMap<>(was.rules());
            rules.merge(record.rule() == null ? "denied" : record.rule(), 1, Integer::sum);
            Set<Channel> channels = was == null ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(was.channels());
            channels.add(record.channel());
            citizens.put(record.citizenId(), new Tally(was == null ? 1 : was.attempts() + 1, rules, channels));
            actor = record.actor();
        }

        void close(List<Flood> closed) {
            if (citizens != null && !citizens.isEmpty()) {
                closed.add(new Flood(floodId, actor, from, until, citizens));
            }
            citizens = null;
        }
    }
}
