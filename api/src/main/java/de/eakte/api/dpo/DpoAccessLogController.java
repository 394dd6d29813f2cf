package de.eakte.api.dpo;

import de.eakte.api.security.JwtCallers;
import de.eakte.api.web.HttpEdgeFilter;
import de.eakte.api.web.Requests;
import de.eakte.audit.log.DpoAccessLogProjection;
import de.eakte.audit.log.DpoAccessLogProjection.Entry;
import de.eakte.audit.log.DpoAccessLogProjection.Filter;
import de.eakte.core.access.AccessLogExported;
import de.eakte.core.access.AccessOutcome;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.InvalidValueException;
import de.eakte.core.shared.OfficeCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * The data-protection officer's view of the access log: every recorded access, filtered by staff
 * member (as a pseudonym), office, citizen, period, outcome and break-glass, as JSON pages or as a
 * CSV export. Staff appear only as stable pseudonyms; re-identifying one is a separate action a
 * second person approves. Each export is itself stored as an {@link AccessLogExported} event before
 * its rows leave. /api/dpo/** needs the dpo role.
 */
@RestController
@Tag(name = "dpo", description = "Data-protection officer: access log, anomalies, re-identification, break-glass review")
@SecurityRequirement(name = "bearer")
public class DpoAccessLogController {

    static final int DEFAULT_LIMIT = 50;
    static final List<String> CSV_HEADER = List.of("access_id", "accessed_at", "citizen_id", "staff_pseudonym",
            "actor_role", "office", "purpose", "legal_basis", "outcome", "decision_rule", "categories",
            "file_references", "break_glass", "flagged", "channel", "attempts", "attempted_until", "flood_rules",
            "case_context", "strictly_confidential", "information_block");

    private final DpoAccessLogProjection log;
    private final EventBus eventBus;
    private final TransactionManager transactions;
    private final Clock clock;

    public DpoAccessLogController(DpoAccessLogProjection log, EventBus eventBus, TransactionManager transactions,
                                  Clock clock) {
        this.log = log;
        this.eventBus = eventBus;
        this.transactions = transactions;
        this.clock = clock;
    }

    public record DpoAccessLogEntry(String accessId, Instant at, String citizenId, String staff, String actorRole,
                                    String office, String purpose, String legalBasis, String outcome, String rule,
                                    List<String> categories, List<String> fileReferences, boolean breakGlass,
                                    boolean flagged, String channel, Facts facts, int attempts,
                                    Instant attemptedUntil, String floodRules) {
    }

    /**
     * The facts the decision rested on: the file references of the caller office's cases that gave
     * it a case context (empty: none), whether the citizen had a strictly confidential case, and
     * their information block (NONE, BLOCK, CONDITIONAL). Null for entries recorded without them.
     */
    public record Facts(List<String> caseContext, boolean strictlyConfidential, String informationBlock) {

        static Facts of(de.eakte.core.access.DecisionFacts facts) {
            return facts == null ? null : new Facts(facts.caseContext().stream().map(String::valueOf).toList(),
                    facts.strictlyConfidential(), facts.block().name());
        }
    }

    public record DpoAccessLogPage(List<DpoAccessLogEntry> entries, long total, long offset, int limit) {
    }

    @GetMapping("/api/dpo/access-log")
    @Operation(summary = "The access log for the DPO: every recorded access, filtered, newest first",
            description = "Filters: staff (pseudonym P-xxxxxxxxxxxx), office, citizen, from (inclusive) and to "
                    + "(exclusive) as ISO-8601 UTC, outcome (GRANTED, DENIED, BREAK_GLASS), breakGlass (true/false). "
                    + "Pages with offset (0 or more) and limit (1-500, default 50). Staff are shown as stable "
                    + "pseudonyms, never by name.")
    public DpoAccessLogPage accessLog(
            @Parameter(description = "staff pseudonym such as P-0123456789ab") @RequestParam(required = false) String staff,
            @Parameter(description = "office number, e.g. 33") @RequestParam(required = false) String office,
            @Parameter(description = "citizen id") @RequestParam(required = false) String citizen,
            @Parameter(description = "earliest time, inclusive") @RequestParam(required = false) String from,
            @Parameter(description = "latest time, exclusive") @RequestParam(required = false) String to,
            @Parameter(description = "GRANTED, DENIED or BREAK_GLASS") @RequestParam(required = false) String outcome,
            @Parameter(description = "true or false") @RequestParam(required = false) String breakGlass,
            @Parameter(description = "entries to skip") @RequestParam(required = false) String offset,
            @Parameter(description = "entries per page, 1 to 500") @RequestParam(required = false) String limit) {
        Filter filter = filter(staff, office, citizen, from, to, outcome, breakGlass);
        long skip = number("offset", offset, 0, 0, Long.MAX_VALUE);
        int size = (int) number("limit", limit, DEFAULT_LIMIT, 1, DpoAccessLogProjection.MAX_LIMIT);
        List<DpoAccessLogEntry> entries = log.query(filter, skip, size).stream().map(DpoAccessLogController::view)
                .toList();
        return new DpoAccessLogPage(entries, log.count(filter), skip, size);
    }

    @GetMapping("/api/dpo/access-log.csv")
    @Operation(summary = "The access log for the DPO as CSV (recorded)",
            description = "The same filters as /api/dpo/access-log, every matching entry newest first, RFC 4180 with a "
                    + "header row; cells beginning with = + - @, tab or CR are prefixed with ' (CSV injection). The "
                    + "export itself is stored as an AccessLogExported event before the rows are sent.")
    public void export(@RequestParam(required = false) String staff, @RequestParam(required = false) String office,
                       @RequestParam(required = false) String citizen, @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to, @RequestParam(required = false) String outcome,
                       @RequestParam(required = false) String breakGlass, Authentication auth,
                       HttpServletRequest request, HttpServletResponse response) throws IOException {
        Filter filter = filter(staff, office, citizen, from, to, outcome, breakGlass);
        long rows = log.count(filter);
        Actor dpo = JwtCallers.caller(auth).actor();
        UUID exportId = UUID.randomUUID();
        DpoRequests.record(eventBus, transactions,
                new AccessLogExported(exportId, clock.instant(), dpo.subject(), describe(filter), rows), dpo,
                HttpEdgeFilter.correlationId(request));

        response.setStatus(200);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"access-log-" + exportId + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        out.print(row(CSV_HEADER));
        try {
            log.forEach(filter, rows, entry -> {
                out.print(row(cells(entry)));
                if (out.checkError()) {
                    throw new UncheckedIOException(new IOException("the client stopped reading the export"));
                }
            });
        } finally {
            out.flush();
        }
    }

    private static Filter filter(String staff, String office, String citizen, String from, String to, String outcome,
                                 String breakGlass) {
        return new Filter(blank(staff) ? null : staff.strip(), blank(office) ? null : OfficeCode.of(office.strip()),
                blank(citizen) ? null : CitizenId.of(citizen.strip()), Requests.instant("from", from),
                Requests.instant("to", to), Requests.enumValue("outcome", AccessOutcome.class, outcome),
                bool(breakGlass));
    }

    /** The filters in a fixed order, for the export's record; only those set. */
    static String describe(Filter f) {
        StringJoiner text = new StringJoiner("&");
        add(text, "staff", f.staff());
        add(text, "office", f.office() == null ? null : f.office().value());
        add(text, "citizen", f.citizenId());
        add(text, "from", f.from());
        add(text, "to", f.to());
        add(text, "outcome", f.outcome());
        add(text, "breakGlass", f.breakGlass());
        return text.toString();
    }

    private static void add(StringJoiner text, String name, Object value) {
        if (value != null) {
            text.add(name + "=" + value);
        }
    }

    static DpoAccessLogEntry view(Entry e) {
        return new DpoAccessLogEntry(e.accessId().toString(), e.at(), e.citizenId().toString(), e.staff(),
                e.actorRole().name(), e.office() == null ? null : e.office().value(), e.purpose(), e.legalBasis(),
                e.outcome().name(), e.rule(), e.categories().stream().map(Enum::name).toList(),
                e.fileReferences().stream().map(String::valueOf).toList(), e.breakGlass(), e.flagged(),
                e.channel().name(), Facts.of(e.facts()), e.attempts(), e.attemptedUntil(), e.floodRules());
    }

    private static List<String> cells(Entry e) {
        return java.util.Arrays.asList(e.accessId().toString(), e.at().toString(), e.citizenId().toString(), e.staff(),
                e.actorRole().name(), e.office() == null ? "" : e.office().value(), e.purpose(), e.legalBasis(),
                e.outcome().name(), e.rule(), String.join(",", e.categories().stream().map(Enum::name).toList()),
                String.join(",", e.fileReferences().stream().map(String::valueOf).toList()),
                String.valueOf(e.breakGlass()), String.valueOf(e.flagged()), e.channel().name(),
                String.valueOf(e.attempts()), e.attemptedUntil() == null ? "" : e.attemptedUntil().toString(),
                e.floodRules(),
                e.facts() == null ? "" : String.join(",", e.facts().caseContext().stream().map(String::valueOf).toList()),
                e.facts() == null ? "" : String.valueOf(e.facts().strictlyConfidential()),
                e.facts() == null ? "" : e.facts().block().name());
    }

    /** One CSV record with CRLF (RFC 4180). */
    static String row(List<String> cells) {
        StringJoiner line = new StringJoiner(",", "", "\r\n");
        cells.forEach(cell -> line.add(cell(cell)));
        return line.toString();
    }

    /**
     * One CSV cell: a value a spreadsheet would read as a formula (starting with = + - @, tab or CR)
     * is prefixed with ' (OWASP CSV injection); a value with a comma, quote or line break is quoted,
     * its quotes doubled (RFC 4180).
     */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Boolean bool(String text) {
        if (blank(text)) {
            return null;
        }
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidValueException("breakGlass", "boolean", "breakGlass must be true or false");
        };
    }

    private static long number(String field, String text, long fallback, long min, long max) {
        if (blank(text)) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw new InvalidValueException(field, "range", field + " must be a number from " + min
                + (max == Long.MAX_VALUE ? " up" : " to " + max));
    }
}
