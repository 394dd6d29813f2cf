package de.eakte.audit.access;

import de.eakte.core.access.AccessDenialsAggregated;
import de.eakte.core.access.AccessFields;
import de.eakte.core.access.AccessRecord;
import de.eakte.core.access.AccessRecorder;
import de.eakte.core.access.SearchRecord;
import de.eakte.core.crypto.FieldSealer;
import de.eakte.core.crypto.KeyDestroyedException;
import de.eakte.core.crypto.KeyId;
import de.eakte.core.shared.CitizenId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The recorder as the application uses it: every decision goes to the event-store recorder,
 * except a caller's denials past the flood threshold, which {@link DenialFlood} counts; once a
 * flood's window has ended it is stored as one {@link AccessDenialsAggregated} per citizen, each
 * the next link of that citizen's access chain (docs/decisions/0008-denial-floods.md). A denial
 * returns no data, so counting it instead of storing it first keeps "no entry, no data".
 */
public class DenialFloodRecorder implements AccessRecorder, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DenialFloodRecorder.class);

    private final AccessRecorder recorder;
    private final DenialFlood flood;
    private final AccessLogSink sink;
    private final FieldSealer sealer;
    private final AccessLogRetention retention;
    private ScheduledExecutorService ticker;

    public DenialFloodRecorder(AccessRecorder recorder, DenialFlood flood, AccessLogSink sink, FieldSealer sealer,
                               AccessLogRetention retention) {
        this.recorder = recorder;
        this.flood = flood;
        this.sink = sink;
        this.sealer = sealer;
        this.retention = retention;
    }

    /** Stores ended floods every {@code every} on a thread of its own. */
    public DenialFloodRecorder start(Duration every) {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "access-denial-floods");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void record(AccessRecord record) {
        if (flood.recordIndividually(record)) {
            recorder.record(record);
        }
    }

    @Override
    public void recordSearch(SearchRecord search, List<AccessRecord> shown) {
        recorder.recordSearch(search, shown);
    }

    /** One run of the ticker; it must never throw, or the executor would quietly stop running it. */
    private void tick() {
        try {
            storeReady(false);
        } catch (RuntimeException | Error e) {
            LOG.error("storing denial floods failed; the next tick tries again", e);
        }
    }

    /**
     * Stores every flood whose window has ended (with {@code all}, every open one too) and returns
     * how many were stored; one that fails is kept and tried again at the next call.
     */
    public int storeReady(boolean all) {
        int stored = 0;
        for (DenialFlood.Flood f : flood.takeReady(all)) {
            try {
                sink.store(new AccessLogAppender.Unit(List.of(), drafts(f)));
                stored++;
            } catch (KeyDestroyedException e) {
                // the period's retention has ended already: nothing of it may be stored any more
                LOG.warn("denial flood {} ({} attempts) dropped: the key of its period is destroyed", f.floodId(),
                        f.attempts());
            } catch (RuntimeException e) {
                LOG.warn("denial flood {} ({} attempts) could not be stored yet; trying again", f.floodId(),
                        f.attempts(), e);
                flood.retry(f);
            }
        }
        return stored;
    }

    /** One chain entry per citizen, the caller's subject sealed under the key of the flood's month. */
    private List<ChainDraft> drafts(DenialFlood.Flood f) {
        KeyId key = retention.keyFor(f.from(), null);
        List<ChainDraft> drafts = new ArrayList<>();
        for (Map.Entry<CitizenId, DenialFlood.Tally> e : f.citizens().entrySet()) {
            UUID entryId = UUID.randomUUID();
            DenialFlood.Tally tally = e.getValue();
            AccessDenialsAggregated unlinked = new AccessDenialsAggregated(entryId, f.floodId(), e.getKey(), f.from(),
                    f.until(), f.actor().role(),
                    sealer.seal(key, entryId.toString(), AccessFields.DENIALS_ACTOR_SUBJECT, f.actor().subject()),
                    f.actor().office(), tally.attempts(), new java.util.TreeMap<>(tally.rules()), tally.channels(),
                    null);
            drafts.add(new ChainDraft(e.getKey(), entryId.toString(), f.from(),
                    EventStoreAccessRecorder.meta(f.actor(), null), previous -> linked(unlinked, previous)));
        }
        return drafts;
    }

    private static AccessDenialsAggregated linked(AccessDenialsAggregated e, String previous) {
        return new AccessDenialsAggregated(e.entryId(), e.floodId(), e.citizenId(), e.from(), e.until(), e.actorRole(),
                e.actorSubject(), e.actorOffice(), e.attempts(), e.rules(), e.channels(), previous);
    }

    /** Stops the ticker and stores what is still counted, before the writer below closes. */
    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        storeReady(true);
    }
}
