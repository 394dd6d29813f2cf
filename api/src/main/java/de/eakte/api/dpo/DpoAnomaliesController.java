package de.eakte.api.dpo;

import de.eakte.api.access.BreakGlassRegistry;
import de.eakte.api.dpo.DpoAccessLogController.DpoAccessLogEntry;
import de.eakte.audit.dpo.DpoAnomalies;
import de.eakte.audit.dpo.DpoAnomalies.Period;
import de.eakte.audit.log.DpoAccessLogProjection;
import de.eakte.core.shared.InvalidValueException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The DPO's anomaly report over a period: break-glass uses awaiting review, staff whose daily
 * look-ups exceed a multiple of their office's median, look-ups outside office hours, look-ups
 * without case context, and look-ups of strictly confidential or blocked citizens. Staff appear as
 * pseudonyms. Each section is a bounded list, newest (or heaviest) first, with {@code more} when it
 * was cut. The rules: docs/dpo.md.
 */
@RestController
@Tag(name = "dpo", description = "Data-protection officer: access log, anomalies, re-identification, break-glass review")
@SecurityRequirement(name = "bearer")
public class DpoAnomaliesController {

    static final Duration DEFAULT_PERIOD = Duration.ofDays(7);
    static final int DEFAULT_LIMIT = 100;

    private final DpoAnomalies anomalies;
    private final DpoAccessLogProjection view;
    private final BreakGlassRegistry breakGlass;
    private final Clock clock;

    public DpoAnomaliesController(DpoAnomalies anomalies, DpoAccessLogProjection view, BreakGlassRegistry breakGlass,
                                  Clock clock) {
        this.anomalies = anomalies;
        this.view = view;
        this.breakGlass = breakGlass;
        this.clock = clock;
    }

    /** A section of the report: at most {@code limit} items, {@code more} when more matched. */
    public record Section<T>(List<T> items, boolean more) {

        static <S, T> Section<T> of(DpoAnomalies.Section<S> section, java.util.function.Function<S, T> view) {
            return new Section<>(section.items().stream().map(view).toList(), section.more());
        }
    }

    /** A break-glass grant nobody has reviewed yet; the review is POST /api/dpo/break-glass/{grantId}/review. */
    public record BreakGlassUse(String grantId, String staff, String actorRole, String office, String citizenId,
                                Instant openedAt, Instant expiresAt) {
    }

    /** A staff member's look-ups on one day (in the report's zone) against the median of their office that day. */
    public record DailyLookups(LocalDate day, String office, String staff, long lookups, double officeMedian,
                               int staffInOffice) {
    }

    public record AnomalyReport(Instant from, Instant to, String officeHours, String timeZone,
                                double dailyLookupsMultiple, Section<BreakGlassUse> breakGlassAwaitingReview,
                                Section<DailyLookups> dailyLookupsAboveOfficeMedian,
                                Section<DpoAccessLogEntry> outsideOfficeHours,
                                Section<DpoAccessLogEntry> withoutCaseContext,
                                Section<DpoAccessLogEntry> strictlyConfidentialOrBlocked,
                                Section<DenialFlood> denialFloods) {
    }

    /**
     * One caller's denied requests past the flood threshold within one window: stored per citizen
     * as one entry each (in the DPO's log with {@code attempts} and {@code floodId}).
     */
    public record DenialFlood(String floodId, String staff, String actorRole, String office, Instant from,
                              Instant until, long attempts, int citizens) {
    }

    @GetMapping("/api/dpo/anomalies")
    @Operation(summary = "The anomaly report for the DPO",
            description = "Over [from, to) (ISO-8601 UTC times, or dates meaning the start of that day in the "
                    + "report's zone; default the last 7 days): break-glass uses awaiting review (all opened before "
                    + "'to'), staff whose look-ups on a day exceed the configured multiple of their office's median "
                    + "that day, staff look-ups outside the configured office hours, staff look-ups that showed data "
                    + "without case context, and staff look-ups of citizens with a strictly confidential case or an "
                    + "information block, and floods of denied requests (a caller's denials past the threshold, counted "
                    + "per window and citizen). Each section lists at most 'limit' items (1-500, default 100) and says "
                    + "whether more matched. Staff are shown as pseudonyms.")
    public AnomalyReport report(
            @Parameter(description = "start, inclusive: 2026-11-16 or 2026-11-16T00:00:00Z") @RequestParam(required = false) String from,
            @Parameter(description = "end, exclusive: 2026-11-23 or 2026-11-23T00:00:00Z") @RequestParam(required = false) String to,
            @Parameter(description = "items per section, 1 to 500") @RequestParam(required = false) String limit) {
        Instant end = DpoRequests.time("to", to, view.zone());
        Instant start = DpoRequests.time("from", from, view.zone());
        if (end == null) {
            end = start != null && start.isAfter(clock.instant()) ? start.plus(DEFAULT_PERIOD) : clock.instant();
        }
        if (start == null) {
            start = end.minus(DEFAULT_PERIOD);
        }
        if (!start.isBefore(end)) {
            throw new InvalidValueException("to", "after-from", "to must be later than from");
        }
        int size = (int) DpoRequests.number("limit", limit, DEFAULT_LIMIT, 1, DpoAnomalies.MAX_LIMIT);
        Period period = new Period(start, end, size);
        return new AnomalyReport(start, end, anomalies.officeHours().toString(), view.zone().getId(),
                anomalies.dailyMultiple(), breakGlassAwaitingReview(end, size),
                Section.of(anomalies.heavyUsers(period), h -> new DailyLookups(h.day(), h.office().value(), h.staff(),
                        h.lookups(), h.officeMedian(), h.staffInOffice())),
                Section.of(anomalies.outsideOfficeHours(period), DpoAccessLogController::view),
                Section.of(anomalies.withoutCaseContext(period), DpoAccessLogController::view),
                Section.of(anomalies.strictlyConfidentialOrBlocked(period), DpoAccessLogController::view),
                Section.of(anomalies.denialFloods(period), f -> new DenialFlood(f.floodId(), f.staff(),
                        f.actorRole().name(), f.office() == null ? null : f.office().value(), f.from(), f.until(),
                        f.attempts(), f.citizens())));
    }

    private Section<BreakGlassUse> breakGlassAwaitingReview(Instant end, int limit) {
        List<BreakGlassUse> pending = breakGlass.list("PENDING").stream()
                .filter(g -> g.openedAt().isBefore(end))
                .map(g -> new BreakGlassUse(g.grantId(), view.pseudonym(g.actorSubject()), g.actorRole(),
                        g.actorOffice(), g.citizenId(), g.openedAt(), g.expiresAt()))
                .toList();
        return pending.size() > limit ? new Section<>(pending.subList(0, limit), true) : new Section<>(pending, false);
    }
}
