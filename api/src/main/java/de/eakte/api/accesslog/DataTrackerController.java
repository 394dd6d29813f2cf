package de.eakte.api.accesslog;

import de.eakte.api.security.JwtCallers;
import de.eakte.audit.log.CitizenAccessLogProjection;
import de.eakte.core.catalogue.Catalogue;
import de.eakte.core.catalogue.Office;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.InvalidValueException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The citizen's access log in the shape of Estonia's X-Road Data Tracker ({@code findUsage},
 * {@code usagePeriod}, {@code heartbeat}), so that existing Data Tracker viewers can show it. The
 * same read model as {@code /api/me/access-log}; the token's citizen claim names the log and no
 * field can point elsewhere. The receiver is the office, never the individual staff member (CJEU
 * C-579/21). The mapping is documented in docs/data-tracker.md.
 *
 * <p>These reads are the citizen's own log and are not recorded (EveryReadPassesThePolicyIT
 * allowlists the GET endpoints): each look would otherwise add an entry to the log being read.
 */
@RestController
@RequestMapping("/api/me/data-tracker")
@Tag(name = "me", description = "A citizen's own file, with a citizen token")
@SecurityRequirement(name = "bearer")
public class DataTrackerController {

    static final int DEFAULT_LIMIT = 20;
    static final String RECEIVER_SYSTEM = "eAkte";

    private final CitizenAccessLogProjection log;
    private final Catalogue catalogue;
    private final Clock clock;

    public DataTrackerController(CitizenAccessLogProjection log, Catalogue catalogue, Clock clock) {
        this.log = log;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** The findUsage request: period bounds as ISO-8601 instants or dates, both inclusive. */
    public record FindUsageRequest(String periodStart, String periodEnd, Integer offset, Integer limit) {
    }

    public record Usage(Instant logtime, String action, String receiverCode, String receiverName,
                        String receiverSystem) {
    }

    public record FindUsageResponse(long totalUsages, List<Usage> usages) {
    }

    public record UsagePeriod(Instant startTime, Instant endTime) {
    }

    public record Heartbeat(String status, Instant time) {
    }

    @PostMapping("/findUsage")
    @Operation(summary = "Data Tracker findUsage: uses of my data in a period, newest first",
            description = "Body: periodStart and periodEnd (ISO-8601 instants such as 2026-11-01T00:00:00Z or dates "
                    + "such as 2026-11-01; both inclusive, a date covers its whole UTC day; either may be left out), "
                    + "offset (0 or more, default 0) and limit (1-100, default 20). Answers totalUsages in the period "
                    + "and the page of usages: logtime, action (purpose code or decision rule, with the legal basis), "
                    + "receiverCode and receiverName (the office), receiverSystem (eAkte). The individual staff member "
                    + "is not shown (CJEU C-579/21). Not itself recorded.")
    public FindUsageResponse findUsage(@RequestBody(required = false) FindUsageRequest body, Authentication auth) {
        CitizenId citizenId = JwtCallers.caller(auth).citizenClaim();
        FindUsageRequest request = body == null ? new FindUsageRequest(null, null, null, null) : body;
        Instant from = bound("periodStart", request.periodStart(), false);
        Instant to = bound("periodEnd", request.periodEnd(), true);
        if (from != null && to != null && !to.isAfter(from)) {
            throw new InvalidValueException("periodEnd", "after-period-start", "periodEnd must not be before periodStart");
        }
        int offset = request.offset() == null ? 0 : request.offset();
        if (offset < 0) {
            throw new InvalidValueException("offset", "range", "offset must be 0 or more");
        }
        int limit = request.limit() == null ? DEFAULT_LIMIT : request.limit();
        if (limit < 1 || limit > CitizenAccessLogProjection.MAX_LIMIT) {
            throw new InvalidValueException("limit", "range",
                    "limit must be a number from 1 to " + CitizenAccessLogProjection.MAX_LIMIT);
        }
        long total = log.count(citizenId, from, to);
        List<Usage> usages = log.usages(citizenId, from, to, offset, limit).stream().map(this::usage).toList();
        return new FindUsageResponse(total, usages);
    }

    @GetMapping("/usagePeriod")
    @Operation(summary = "Data Tracker usagePeriod: the time of my earliest and latest logged use",
            description = "startTime and endTime of the citizen's access log; both null when it is empty. Not itself "
                    + "recorded.")
    public UsagePeriod usagePeriod(Authentication auth) {
        CitizenAccessLogProjection.Period period = log.period(JwtCallers.caller(auth).citizenClaim());
        return new UsagePeriod(period.earliest(), period.latest());
    }

    @GetMapping("/heartbeat")
    @Operation(summary = "Data Tracker heartbeat: the service answers",
            description = "status OK and the server time. Carries no personal data.")
    public Heartbeat heartbeat() {
        return new Heartbeat("OK", clock.instant());
    }

    private Usage usage(CitizenAccessLogProjection.Entry e) {
        String what = e.purpose() != null ? e.purpose() : e.rule();
        String action = e.legalBasis() == null || e.legalBasis().isBlank() ? what : what + " (" + e.legalBasis() + ")";
        if (e.attempts() > 1) {
            action = action + " x" + e.attempts() + " until " + e.attemptedUntil();
        }
        return new Usage(e.at(), action, e.office() == null ? null : e.office().value(), receiverName(e),
                RECEIVER_SYSTEM);
    }

    /** The office's name; the DPO and administrators act for no office and are named by their function. */
    private String receiverName(CitizenAccessLogProjection.Entry e) {
        if (e.office() != null) {
            return catalogue.office(e.office()).map(Office::name).orElse(null);
        }
        return switch (e.actorRole()) {
            case DPO -> "Datenschutzbeauftragte(r)";
            case ADMIN -> "Administration";
            case STAFF, CITIZEN -> null;
        };
    }

    /**
     * A period bound: an instant as given, or a date as the start of its UTC day. An end bound is
     * inclusive and returned as the exclusive bound the read model takes: the next day for a date,
     * one microsecond (the stored precision) after the instant otherwise.
     */
    private static Instant bound(String field, String text, boolean end) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            Instant instant = Instant.parse(value);
            return end ? instant.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS) : instant;
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate date = LocalDate.parse(value);
                return (end ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new InvalidValueException(field, "iso-instant-or-date",
                        field + " must be a UTC time such as 2026-11-21T09:30:00Z or a date such as 2026-11-21");
            }
        }
    }
}
