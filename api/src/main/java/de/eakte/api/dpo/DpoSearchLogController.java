package de.eakte.api.dpo;

import de.eakte.api.security.JwtCallers;
import de.eakte.api.web.HttpEdgeFilter;
import de.eakte.api.web.Requests;
import de.eakte.audit.dpo.DpoSearchLog;
import de.eakte.audit.dpo.DpoSearchLog.Filter;
import de.eakte.audit.dpo.DpoSearchLog.Search;
import de.eakte.audit.log.DpoAccessLogProjection;
import de.eakte.core.access.AccessOutcome;
import de.eakte.core.access.SearchLogRead;
import de.eakte.core.access.SearchScope;
import de.eakte.core.shared.OfficeCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * The staff searches (group queries) for the DPO: time, staff pseudonym, office, purpose, scope,
 * criteria, outcome and hit count, filtered like the access log. The criteria are personal data
 * typed by staff, so each answer is stored as a {@link SearchLogRead} event (the DPO, the filters,
 * the searches shown) before it leaves.
 */
@RestController
@Tag(name = "dpo", description = "Data-protection officer: access log, anomalies, re-identification, break-glass review")
@SecurityRequirement(name = "bearer")
public class DpoSearchLogController {

    static final int DEFAULT_LIMIT = 50;

    private final DpoSearchLog searches;
    private final DpoAccessLogProjection view;
    private final EventBus eventBus;
    private final TransactionManager transactions;
    private final Clock clock;

    public DpoSearchLogController(DpoSearchLog searches, DpoAccessLogProjection view, EventBus eventBus,
                                  TransactionManager transactions, Clock clock) {
        this.searches = searches;
        this.view = view;
        this.eventBus = eventBus;
        this.transactions = transactions;
        this.clock = clock;
    }

    public record DpoSearchEntry(String searchId, Instant at, String staff, String actorRole, String office,
                                 String scope, String criteria, String outcome, String rule, int hitCount,
                                 String purpose, String legalBasis) {
    }

    public record DpoSearchPage(List<DpoSearchEntry> searches, long total, long offset, int limit) {
    }

    @GetMapping("/api/dpo/searches")
    @Operation(summary = "Staff searches (group queries) for the DPO, newest first (the read is recorded)",
            description = "Filters: staff (pseudonym P-xxxxxxxxxxxx), office, from (inclusive) and to (exclusive) as "
                    + "ISO-8601 UTC or dates, outcome (GRANTED, DENIED), scope (CITIZENS, CASES). Pages with offset "
                    + "and limit (1-500, default 50). The criteria are what staff typed; each answer is stored as a "
                    + "SearchLogRead event (filters and the searches shown) before it is sent.")
    public ResponseEntity<DpoSearchPage> searches(
            @Parameter(description = "staff pseudonym such as P-0123456789ab") @RequestParam(required = false) String staff,
            @Parameter(description = "office number, e.g. 33") @RequestParam(required = false) String office,
            @Parameter(description = "earliest time, inclusive") @RequestParam(required = false) String from,
            @Parameter(description = "latest time, exclusive") @RequestParam(required = false) String to,
            @Parameter(description = "GRANTED or DENIED") @RequestParam(required = false) String outcome,
            @Parameter(description = "CITIZENS or CASES") @RequestParam(required = false) String scope,
            @Parameter(description = "searches to skip") @RequestParam(required = false) String offset,
            @Parameter(description = "searches per page, 1 to 500") @RequestParam(required = false) String limit,
            Authentication auth, HttpServletRequest request) {
        Filter filter = new Filter(DpoRequests.blank(staff) ? null : staff.strip(),
                DpoRequests.blank(office) ? null : OfficeCode.of(office.strip()),
                DpoRequests.time("from", from, view.zone()), DpoRequests.time("to", to, view.zone()),
                Requests.enumValue("outcome", AccessOutcome.class, outcome),
                Requests.enumValue("scope", SearchScope.class, scope));
        long skip = DpoRequests.number("offset", offset, 0, 0, Long.MAX_VALUE);
        int size = (int) DpoRequests.number("limit", limit, DEFAULT_LIMIT, 1, DpoSearchLog.MAX_LIMIT);
        List<Search> page = searches.query(filter, skip, size);
        long total = searches.count(filter);
        DpoRequests.record(eventBus, transactions, new SearchLogRead(UUID.randomUUID(), clock.instant(),
                        JwtCallers.caller(auth).actor().subject(), describe(filter, skip, size),
                        page.stream().map(Search::searchId).toList()),
                JwtCallers.caller(auth).actor(), HttpEdgeFilter.correlationId(request));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new DpoSearchPage(page.stream().map(DpoSearchLogController::view).toList(), total, skip, size));
    }

    /** The filters and page in a fixed order, for the read's record; only those set. */
    static String describe(Filter f, long offset, int limit) {
        StringJoiner text = new StringJoiner("&");
        add(text, "staff", f.staff());
        add(text, "office", f.office() == null ? null : f.office().value());
        add(text, "from", f.from());
        add(text, "to", f.to());
        add(text, "outcome", f.outcome());
        add(text, "scope", f.scope());
        add(text, "offset", offset);
        add(text, "limit", limit);
        return text.toString();
    }

    private static void add(StringJoiner text, String name, Object value) {
        if (value != null) {
            text.add(name + "=" + value);
        }
    }

    private static DpoSearchEntry view(Search s) {
        return new DpoSearchEntry(s.searchId().toString(), s.at(), s.staff(), s.actorRole().name(),
                s.office() == null ? null : s.office().value(), s.scope().name(), s.criteria(), s.outcome().name(),
                s.rule(), s.hitCount(), s.purpose(), s.legalBasis());
    }
}
