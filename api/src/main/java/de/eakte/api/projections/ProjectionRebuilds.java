package de.eakte.api.projections;

import de.eakte.api.keys.DataKeyPrefetch;
import de.eakte.api.web.NotFoundException;
import de.eakte.core.crypto.FieldSealer;
import de.eakte.core.shared.DomainRuleViolation;
import de.eakte.projections.batch.PendingRows;
import de.eakte.projections.file.ConsolidatedFileProjection;
import de.eakte.projections.search.Generations;
import de.eakte.projections.search.SearchProjection;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * Rebuilds a read model from the event store, one at a time, in the background, with progress.
 *
 * <p>Every read model is rebuilt <b>beside</b> the serving one
 * (docs/decisions/0007-blue-green-rebuild.md): a temporary processor replays every event into a new
 * generation while the live processor keeps the active generation current and readers keep using
 * it. Once the new generation has caught up, the live processor stops, the temporary one catches
 * up with the last events, its position becomes the live processor's position and the
 * active-generation pointer moves, in one transaction; the live processor starts again from there,
 * now writing into the new generation, and the old generation is deleted. No event is lost: the
 * live processor resumes exactly where the new generation ends.
 *
 * <p>The models: search, consolidated file, the citizen's and the DPO's access logs, the
 * re-identification requests, the purpose, case-type and office catalogues and the disposal lists.
 * A tracking processor without a generational model cannot be rebuilt here (none is); nothing is
 * replayed in place any more, so no reader ever sees a partial model.
 */
public class ProjectionRebuilds {

    /** The temporary processor of a rebuild beside the serving model. */
    static String shadowProcessor(String name) {
        return name + "-rebuild";
    }

    /** A read model with generations: its pointer, its handlers writing one generation, and how to empty one. */
    record Beside(Generations generations, IntFunction<Object> handlers, IntConsumer clear) {
    }
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    /** Events per transaction of a rebuild's processor. */
    private static final int SHADOW_BATCH = 200;
    /** Events into a rebuild at which its statistics are first gathered; then each time they doubled. */
    private static final long FIRST_ANALYZE = 20_000;

    /** A rebuild's progress; {@code line()} is the progress line of the CLI and the log. */
    public record Status(String name, String mode, String state, long eventsDone, long eventsTotal, double eventsPerSecond,
                         Long etaSeconds, Instant startedAt, Instant finishedAt, Integer generation, String error) {

        public boolean finished() {
            return "DONE".equals(state) || "FAILED".equals(state);
        }

        public String line() {
            int width = 30;
            double share = eventsTotal == 0 ? 1 : Math.min(1, (double) eventsDone / eventsTotal);
            int filled = (int) Math.round(share * width);
            return String.format(Locale.ROOT, "%s [%s%s] %3d%% %,d/%,d events  %,.0f events/s  ETA %s  %s", name,
                    "#".repeat(filled), ".".repeat(width - filled), Math.round(share * 100), eventsDone, eventsTotal,
                    eventsPerSecond, etaSeconds == null ? "--" : Duration.ofSeconds(etaSeconds).toString().substring(2)
                            .toLowerCase(Locale.ROOT), state + (error == null ? "" : ": " + error));
        }
    }

    private final EventProcessingConfiguration processing;
    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final FieldSealer sealer;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "projection-rebuild");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, AtomicReference<Status>> statuses = new ConcurrentHashMap<>();
    private final Map<String, Beside> besides;
    private final AtomicReference<String> running = new AtomicReference<>();
    /** Only the rebuild worker's thread reads and writes it. */
    private long nextAnalyzeAt;

    public ProjectionRebuilds(EventProcessingConfiguration processing, StreamableMessageSource<TrackedEventMessage<?>> events,
                              TokenStore tokens, TransactionManager transactions, JdbcTemplate jdbc,
                              Generations searchGenerations, FieldSealer sealer, Clock clock, Map<String, Beside> others) {
        this.sealer = sealer;
        this.processing = processing;
        this.events = events;
        this.tokens = tokens;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
        this.besides = with(others, Map.of(
                SearchProjection.PROCESSING_GROUP, new Beside(searchGenerations,
                        g -> new SearchProjection(jdbc, () -> g, sealer),
                        g -> new SearchProjection(jdbc, () -> g, sealer).clear(g)),
                ConsolidatedFileProjection.PROCESSING_GROUP, new Beside(
                        new Generations(jdbc, ConsolidatedFileProjection.PROCESSING_GROUP),
                        g -> new ConsolidatedFileProjection(jdbc, clock, sealer, () -> g),
                        g -> new ConsolidatedFileProjection(jdbc, clock, sealer, () -> g).clear(g))));
    }

    private static Map<String, Beside> with(Map<String, Beside> others, Map<String, Beside> own) {
        Map<String, Beside> all = new HashMap<>(others);
        all.putAll(own);
        return Map.copyOf(all);
    }

    /** The read models that can be rebuilt: every tracking processor with a generational model. */
    public List<String> names() {
        return processing.eventProcessors().entrySet().stream()
                .filter(e -> e.getValue() instanceof TrackingEventProcessor && besides.containsKey(e.getKey()))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** Tracking processors no rebuild can reach (a read model without generations): none, a test says so. */
    public List<String> withoutGenerations() {
        return processing.eventProcessors().entrySet().stream()
                .filter(e -> e.getValue() instanceof TrackingEventProcessor && !besides.containsKey(e.getKey()))
                .map(Map.Entry::getKey).sorted().toList();
    }

    public Optional<Status> status(String name) {
        known(name);
        return Optional.ofNullable(statuses.get(name)).map(AtomicReference::get);
    }

    /** Starts a rebuild in the background; refused while another one runs. */
    public Status start(String name) {
        known(name);
        if (!running.compareAndSet(null, name)) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "rebuild-running", null,
                    "the read model " + running.get() + " is being rebuilt; one rebuild at a time");
        }
        Beside beside = besides.get(name);
        Instant started = clock.instant();
        AtomicReference<Status> status = new AtomicReference<>(new Status(name, "BESIDE",
                "RUNNING", 0, head(), 0, null, started, null, null, null));
        statuses.put(name, status);
        worker.submit(() -> {
            try {
                rebuildBeside(name, beside, status);
            } catch (RuntimeException | InterruptedException e) {
                log.error("rebuild of {} failed", name, e);
                Status s = status.get();
                status.set(new Status(name, s.mode(), "FAILED", s.eventsDone(), s.eventsTotal(), s.eventsPerSecond(), null,
                        s.startedAt(), clock.instant(), s.generation(), e.getMessage()));
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            } finally {
                running.set(null);
            }
        });
        return status.get();
    }

    // ---- a new generation beside the serving one ------------------------------------------------

    private void rebuildBeside(String name, Beside model, AtomicReference<Status> status) throws InterruptedException {
        Generations generations = model.generations();
        String shadowName = shadowProcessor(name);
        int old = generations.active();
        int generation = generations.beginBuilding();
        model.clear().accept(generation);
        jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", shadowName);
        TrackingEventProcessor live = processing.eventProcessor(name, TrackingEventProcessor.class).orElseThrow();
        TrackingEventProcessor shadow = TrackingEventProcessor.builder()
                .name(shadowName)
                // as the live processors: an event a handler fails on is retried, never left out of the new generation
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(model.handlers().apply(generation))
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance()).build())
                .messageSource(events)
                .tokenStore(tokens)
                .transactionManager(transactions)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(SHADOW_BATCH)
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                .build();
        // as the live processor, the data keys of each batch are read in one go (the processor's own
        // interceptors, such as its segment check, belong to it and are not taken over)
        live.getHandlerInterceptors().stream().filter(DataKeyPrefetch.class::isInstance)
                .forEach(shadow::registerHandlerInterceptor);
        boolean swapped = false;
        nextAnalyzeAt = FIRST_ANALYZE;
        try {
            shadow.start();
            // 1. replay beside the serving generation until the new one has caught up
            catchUp(shadow, status, generation);
            // 2. stop the live processor; the new generation takes in what came meanwhile (no statistics
            // now: nothing serves new events until the swap)
            nextAnalyzeAt = Long.MAX_VALUE;
            live.shutDown();
            catchUp(shadow, status, generation);
            shadow.shutDown();
            // 3. hand the position over and move the pointer, in one transaction
            status.set(with(status.get(), "SWAPPING", generation));
            transactions.executeInTransaction(() -> {
                TrackingToken position = tokens.fetchToken(shadowName, 0);
                tokens.storeToken(position, name, 0);
                tokens.releaseClaim(name, 0);
                generations.activate(generation);
                jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", shadowName);
            });
            swapped = true;
        } finally {
            shadow.shutDown();
            live.start();
            if (!swapped) {
                generations.abandon(generation);
                model.clear().accept(generation);
            }
        }
        // 4. the old generation is no longer read
        model.clear().accept(old);
        // the serving generation is now the new one: plan its reads with its real size (only now, with the
        // live processor running again: it must not wait for this)
        analyze();
        Status s = status.get();
        status.set(new Status(s.name(), s.mode(), "DONE", s.eventsDone(), s.eventsTotal(), s.eventsPerSecond(), 0L,
                s.startedAt(), clock.instant(), generation, null));
        log.info("{}", status.get().line());
    }

    /**
     * PostgreSQL plans by the statistics {@code ANALYZE} gathered, and those say nothing of a
     * generation that did not exist then: it takes the growing generation for almost empty and
     * reads all of it through any index that starts with {@code generation} instead of looking one
     * row up (seen in scenario f of docs/BENCHMARKS.md: 236 ms instead of 0.07 ms per row). So a
     * rebuild gathers them again each time its generation has doubled, and after the swap, as
     * autovacuum would after such growth (where it runs, and where it does not). Sampled: about a
     * second even on millions of rows; only the read models' tables (those with a generation).
     */
    private void analyze() {
        if (PendingRows.isPostgres(jdbc)) {
            long started = System.nanoTime();
            List<String> tables = jdbc.queryForList("""
                    SELECT table_name FROM information_schema.columns
                    WHERE table_schema = current_schema() AND column_name = 'generation'
                      AND table_name IN (SELECT table_name FROM information_schema.tables
                                         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE')""", String.class);
            if (!tables.isEmpty()) {
                jdbc.execute("ANALYZE " + String.join(", ", tables));
            }
            log.info("statistics gathered for the rebuild in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
    }


    /** Waits until the processor has passed the head of the event store as it is now, updating the progress. */
    private void catchUp(TrackingEventProcessor processor, AtomicReference<Status> status, Integer generation)
            throws InterruptedException {
        long target = head();
        while (true) {
            long done = position(processor);
            if (done >= nextAnalyzeAt) {
                analyze();
                nextAnalyzeAt = done * 2;
            }
            Status s = status.get();
            double seconds = Math.max(0.001, Duration.between(s.startedAt(), clock.instant()).toMillis() / 1000.0);
            double rate = done / seconds;
            Long eta = rate <= 0 ? null : (long) Math.ceil(Math.max(0, target - done) / rate);
            status.set(new Status(s.name(), s.mode(), s.state(), done, Math.max(target, done), rate, eta, s.startedAt(),
                    null, generation, null));
            if (done >= target) {
                return;
            }
            if (processor.isError()) {
                throw new IllegalStateException("the processor " + processor.getName() + " is in error");
            }
            Thread.sleep(100);
        }
    }

    private static long position(TrackingEventProcessor processor) {
        return processor.processingStatus().values().stream().map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min().orElse(0);
    }

    /** The highest global index in the event store (0 when empty). */
    private long head() {
        Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    private static Status with(Status s, String state, Integer generation) {
        return new Status(s.name(), s.mode(), state, s.eventsDone(), s.eventsTotal(), s.eventsPerSecond(), s.etaSeconds(),
                s.startedAt(), null, generation, null);
    }

    private void known(String name) {
        if (!names().contains(name)) {
            throw new NotFoundException("No read model " + name + "; known: " + String.join(", ", names()));
        }
    }

    /** Stops the worker with the application. */
    public void close() {
        worker.shutdownNow();
    }
}
