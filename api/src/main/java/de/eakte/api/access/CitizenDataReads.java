package de.eakte.api.access;

import de.eakte.core.access.AccessOutcome;
import de.eakte.core.access.AccessRecord;
import de.eakte.core.access.AccessRecorder;
import de.eakte.core.access.Channel;
import de.eakte.core.access.DataCategory;
import de.eakte.core.access.DecisionFacts;
import de.eakte.core.catalogue.Confidentiality;
import de.eakte.core.access.policy.AccessDecision;
import de.eakte.core.access.policy.AccessPolicy;
import de.eakte.core.access.policy.AccessRequest;
import de.eakte.core.access.policy.CaseFact;
import de.eakte.core.access.policy.Purpose;
import de.eakte.core.access.policy.PurposeDirectory;
import de.eakte.core.access.SearchRecord;
import de.eakte.core.access.SearchScope;
import de.eakte.core.shared.OfficeCode;
import de.eakte.projections.search.SearchQueries;
import de.eakte.core.cases.FileReference;
import de.eakte.core.cases.Visibility;
import de.eakte.core.file.GetCase;
import de.eakte.core.file.GetConsolidatedFile;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import de.eakte.projections.file.ConsolidatedFileProjection;
import de.eakte.projections.file.ConsolidatedFileProjection.AccessFacts;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Every read of citizen data goes through here: gather the facts, let the access policy decide,
 * record the decision with exactly what the response will hold (denials too), and only then hand
 * the data back. If the recorder fails, the exception propagates and no data leaves.
 */
public class CitizenDataReads {

    public static final Set<DataCategory> FILE = Set.of(DataCategory.MASTER_DATA, DataCategory.ADDRESS_HISTORY,
            DataCategory.CASE_SUMMARIES);
    public static final Set<DataCategory> CASE = Set.of(DataCategory.CASE_SUMMARIES, DataCategory.CASE_ENTRIES);
    public static final Set<DataCategory> EVERYTHING = EnumSet.allOf(DataCategory.class);

    /** Who asks: the actor, and for a citizen the file their token names. */
    public record Caller(Actor actor, CitizenId citizenClaim) {
    }

    /** A granted file read: the data filtered to the decision, and the decision. */
    public record FileRead(GetConsolidatedFile.Result file, AccessDecision decision) {
    }

    /** A granted case read: the case (entries filtered to the decision), and the decision. */
    public record CaseRead(GetCase.Result detail, AccessDecision decision, boolean entriesGranted) {
    }

    private final QueryGateway queries;
    private final ConsolidatedFileProjection projection;
    private final AccessPolicy policy;
    private final BreakGlassRegistry breakGlass;
    private final AccessRecorder recorder;
    private final Clock clock;
    private final int breakGlassQuota;
    private final SearchQueries search;
    private final PurposeDirectory purposes;
    private final CitizenStanding standings;

    public CitizenDataReads(QueryGateway queries, ConsolidatedFileProjection projection, AccessPolicy policy,
                            BreakGlassRegistry breakGlass, AccessRecorder recorder, Clock clock, int breakGlassQuota,
                            SearchQueries search, PurposeDirectory purposes, JdbcTemplate jdbc) {
        this.standings = new CitizenStanding(jdbc, clock);
        this.breakGlassQuota = breakGlassQuota;
        this.search = search;
        this.purposes = purposes;
        this.queries = queries;
        this.projection = projection;
        this.policy = policy;
        this.breakGlass = breakGlass;
        this.recorder = recorder;
        this.clock = clock;
    }

    /**
     * The staff read of a consolidated file: the policy's facts are the citizen's standing (one
     * query, with the break-glass grant) and the cases of the file itself, read once for both.
     */
    public Optional<FileRead> consolidatedFile(CitizenId citizenId, Caller caller, AccessHeaders.Stated stated,
                                               Set<DataCategory> asked, String correlationId) {
        Optional<CitizenStanding.Standing> standing = standings.of(citizenId, caller.actor());
        if (standing.isEmpty()) {
            return Optional.empty();
        }
        // the projection's own query handler, called directly: no bus, no transaction of its own
        Optional<GetConsolidatedFile.Result> file = projection.handle(new GetConsolidatedFile(citizenId));
        if (file.isEmpty()) {
            return Optional.empty();
        }
        AccessFacts facts = new AccessFacts(citizenId, standing.get().block(), file.get().cases().stream()
                .map(c -> new CaseFact(c.caseId(), c.fileReference(), c.office(), c.status(), c.closedAt(),
                        c.confidentiality())).toList(), standing.get().restricted());
        AccessDecision decision = decide(caller, citizenId, asked, stated, facts, correlationId,
                standing.get().grantActive());
        List<GetConsolidatedFile.CaseSummary> visible = decision.granted().contains(DataCategory.CASE_SUMMARIES)
                ? file.get().cases().stream().filter(c -> decision.visibleCases().contains(c.caseId())).toList()
                : List.of();
        GetConsolidatedFile.Result filtered = new GetConsolidatedFile.Result(file.get().citizen(), visible);
        record(caller, citizenId, decision, decision.granted(),
                visible.stream().map(GetConsolidatedFile.CaseSummary::fileReference).toList(), stated, correlationId,
                facts);
        return Optional.of(new FileRead(filtered, decision));
    }

    public Optional<CaseRead> caseDetail(CaseId caseId, Caller caller, AccessHeaders.Stated stated, String correlationId) {
        Optional<CitizenId> citizen = projection.citizenOfCase(caseId);
        Optional<AccessFacts> facts = citizen.flatMap(projection::accessFacts);
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        AccessDecision decision = decide(caller, citizen.get(), CASE, stated, facts.get(), correlationId);
        if (!decision.visibleCases().contains(caseId)) {
            AccessDecision denied = AccessDecision.denied("case-not-visible",
                    "this case is not covered by the case context or the stated purpose", CASE, decision.flagged());
            record(caller, citizen.get(), denied, Set.of(), List.of(), stated, correlationId, facts.get());
            throw new AccessDeniedByPolicy(denied.rule(), denied.explanation());
        }
        Optional<GetCase.Result> found = queries.query(new GetCase(caseId),
                ResponseTypes.optionalInstanceOf(GetCase.Result.class)).join();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        boolean entriesGranted = decision.casesWithEntries().contains(caseId)
                && decision.granted().contains(DataCategory.CASE_ENTRIES);
        GetCase.Result detail = filterEntries(found.get(), entriesGranted, decision.citizenVisibleEntriesOnly());
        Set<DataCategory> returned = entriesGranted ? CASE : Set.of(DataCategory.CASE_SUMMARIES);
        record(caller, citizen.get(), decision, returned, List.of(detail.summary().fileReference()), stated, correlationId,
                facts.get());
        return Optional.of(new CaseRead(detail, decision, entriesGranted));
    }

    /**
     * A citizen's own file with every case and the entries visible to them (GDPR Art. 15): one
     * decision, one access entry for the whole answer.
     */
    public Optional<CitizenView> citizenView(Caller caller, String correlationId) {
        return citizenView(caller, correlationId, Channel.REST);
    }

    /** As {@link #citizenView(Caller, String)}, recorded with the channel the data leaves by (e.g. EXPORT). */
    public Optional<CitizenView> citizenView(Caller caller, String correlationId, Channel channel) {
        CitizenId citizenId = caller.citizenClaim();
        Optional<AccessFacts> facts = projection.accessFacts(citizenId);
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        AccessHeaders.Stated none = new AccessHeaders.Stated(null, null);
        AccessDecision decision = decide(caller, citizenId, EVERYTHING, none, facts.get(), correlationId);
        Optional<GetConsolidatedFile.Result> file = queries.query(new GetConsolidatedFile(citizenId),
                ResponseTypes.optionalInstanceOf(GetConsolidatedFile.Result.class)).join();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        List<GetCase.Result> cases = new ArrayList<>();
        for (GetConsolidatedFile.CaseSummary summary : file.get().cases()) {
            queries.query(new GetCase(summary.caseId()), ResponseTypes.optionalInstanceOf(GetCase.Result.class)).join()
                    .map(c -> filterEntries(c, true, true)).ifPresent(cases::add);
        }
        record(caller, citizenId, decision, decision.granted(),
                cases.stream().map(c -> c.summary().fileReference()).toList(), none, correlationId, channel, facts.get());
        return Optional.of(new CitizenView(file.get().citizen(), cases));
    }

    /** One of the citizen's own cases by its file reference; the access entry names only that case. */
    public Optional<GetCase.Result> citizenCase(Caller caller, FileReference reference, String correlationId) {
        CitizenId citizenId = caller.citizenClaim();
        Optional<AccessFacts> facts = projection.accessFacts(citizenId);
        Optional<CaseFact> fact = facts.flatMap(f -> f.cases().stream()
                .filter(c -> c.fileReference().equals(reference)).findFirst());
        if (fact.isEmpty()) {
            return Optional.empty();
        }
        AccessHeaders.Stated none = new AccessHeaders.Stated(null, null);
        AccessDecision decision = decide(caller, citizenId, CASE, none, facts.get(), correlationId);
        Optional<GetCase.Result> found = queries.query(new GetCase(fact.get().caseId()),
                ResponseTypes.optionalInstanceOf(GetCase.Result.class)).join().map(c -> filterEntries(c, true, true));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        record(caller, citizenId, decision, CASE, List.of(reference), none, correlationId, facts.get());
        return found;
    }

    /** What a citizen sees of their own file. */
    public record CitizenView(GetConsolidatedFile.Citizen citizen, List<GetCase.Result> cases) {
    }

    // ---- staff search: the group query (BMG § 40) ---------------------------------------------

    /** What a search asks of each citizen it finds: what identifies, and the file references. */
    public static final Set<DataCategory> SEARCH = Set.of(DataCategory.MASTER_DATA, DataCategory.CASE_SUMMARIES);
    /** What a case search asks: as {@link #SEARCH}, and the entries, whose words may have found a case. */
    public static final Set<DataCategory> CASE_SEARCH = Set.of(DataCategory.MASTER_DATA, DataCategory.CASE_SUMMARIES,
            DataCategory.CASE_ENTRIES);
    /** Rows looked at per page at most; a page may come back short when the policy withheld many. */
    private static final int SEARCH_BATCHES = 5;

    /** A citizen a search shows: only what identifies, and the file references the caller may see. */
    public record CitizenHit(SearchQueries.CitizenRow row, List<String> fileReferences) {
    }

    /** A case a search shows, with its citizen's identifying data when the decision grants it. */
    public record CaseHit(SearchQueries.CaseRow row, boolean masterData) {
    }

    /** A page of hits and the cursor of the next page, if there may be one. */
    public record SearchPage<T>(List<T> hits, String nextCursor) {
    }

    /**
     * A staff search over citizens: every hit is decided by the access policy like a read of that
     * citizen (hits it denies are left out, their denials recorded), and the search with its
     * criteria and hit count and one entry per citizen shown are recorded before the page is returned.
     */
    public SearchPage<CitizenHit> searchCitizens(SearchQueries.CitizenCriteria criteria, String criteriaText,
                                                 Caller caller, AccessHeaders.Stated stated, String cursor, int limit,
                                                 String correlationId) {
        Purpose purpose = searchPurpose(caller, SearchScope.CITIZENS, criteriaText, stated, correlationId);
        OfficeCode office = caller.actor().office();
        List<CitizenHit> hits = new ArrayList<>();
        List<AccessRecord> shown = new ArrayList<>();
        String after = cursor;
        boolean more = true;
        for (int batch = 0; batch < SEARCH_BATCHES && more && hits.size() < limit; batch++) {
            List<SearchQueries.CitizenRow> rows = search.citizens(criteria, office, after, limit);
            more = rows.size() == limit;
            List<CitizenId> found = rows.stream().map(SearchQueries.CitizenRow::citizenId).toList();
            Map<CitizenId, List<SearchQueries.CaseRef>> cases = search.casesOf(found, office);
            Map<CitizenId, CitizenStanding.Found> standing = standings.ofEach(found, caller.actor());
            for (SearchQueries.CitizenRow row : rows) {
                after = row.cursor();
                if (hits.size() == limit) {
                    more = true;
                    break;
                }
                Optional<Decided> decided = searchDecision(caller, row.citizenId(), standing.get(row.citizenId()), SEARCH,
                        stated, correlationId);
                Optional<AccessDecision> decision = decided.map(Decided::decision);
                if (decision.isEmpty() || !decision.get().granted().contains(DataCategory.MASTER_DATA)) {
                    continue;
                }
                List<SearchQueries.CaseRef> visible = decision.get().granted().contains(DataCategory.CASE_SUMMARIES)
                        ? cases.getOrDefault(row.citizenId(), List.of()).stream()
                        .filter(c -> decision.get().visibleCases().contains(c.caseId())).toList()
                        : List.of();
                List<String> references = visible.stream().map(SearchQueries.CaseRef::fileReference).toList();
                // a file reference criterion must not find a citizen through a case the caller may not see
                if (criteria.fileReference() != null && !references.contains(criteria.fileReference())) {
                    continue;
                }
                hits.add(new CitizenHit(row, references));
                shown.add(searchEntry(caller, row.citizenId(), decided.get(), references.isEmpty()
                        ? Set.of(DataCategory.MASTER_DATA) : SEARCH, references, stated, correlationId));
            }
        }
        recordSearch(caller, SearchScope.CITIZENS, criteriaText, AccessOutcome.GRANTED, "search", hits.size(),
                stated, purpose, shown, correlationId);
        String next = hits.size() == limit && more ? hits.get(hits.size() - 1).row().cursor()
                : more ? after : null;
        return new SearchPage<>(hits, next);
    }

    /**
     * A staff search over cases: a case is shown only if the policy lets the caller see its summary,
     * and one found by words of its entries only if it lets the caller see its entries too; the
     * citizen's identifying data only where master data is granted. One entry per citizen shown.
     */
    public SearchPage<CaseHit> searchCases(SearchQueries.CaseCriteria criteria, String criteriaText, Caller caller,
                                           AccessHeaders.Stated stated, String cursor, int limit, String correlationId) {
        Purpose purpose = searchPurpose(caller, SearchScope.CASES, criteriaText, stated, correlationId);
        OfficeCode office = caller.actor().office();
        List<CaseHit> hits = new ArrayList<>();
        Map<CitizenId, Optional<Decided>> decisions = new LinkedHashMap<>();
        Map<CitizenId, List<SearchQueries.CaseRow>> shownByCitizen = new LinkedHashMap<>();
        String after = cursor;
        boolean more = true;
        for (int batch = 0; batch < SEARCH_BATCHES && more && hits.size() < limit; batch++) {
            List<SearchQueries.CaseRow> rows = search.cases(criteria, office, after, limit);
            more = rows.size() == limit;
            Map<CitizenId, CitizenStanding.Found> standing = standings.ofEach(rows.stream()
                    .map(SearchQueries.CaseRow::citizenId).filter(id -> !decisions.containsKey(id)).distinct().toList(),
                    caller.actor());
            for (SearchQueries.CaseRow row : rows) {
                after = row.cursor();
                if (hits.size() == limit) {
                    more = true;
                    break;
                }
                Optional<AccessDecision> decision = decisions.computeIfAbsent(row.citizenId(),
                        id -> searchDecision(caller, id, standing.get(id), CASE_SEARCH, stated, correlationId))
                        .map(Decided::decision);
                if (decision.isEmpty()) {
                    continue;
                }
                AccessDecision d = decision.get();
                boolean summary = d.granted().contains(DataCategory.CASE_SUMMARIES) && d.visibleCases().contains(row.caseId());
                boolean entries = d.granted().contains(DataCategory.CASE_ENTRIES) && d.casesWithEntries().contains(row.caseId());
                if (!summary || (row.entriesNeeded() && !entries)) {
                    continue;
                }
                hits.add(new CaseHit(row, d.granted().contains(DataCategory.MASTER_DATA)));
                shownByCitizen.computeIfAbsent(row.citizenId(), k -> new ArrayList<>()).add(row);
            }
        }
        List<AccessRecord> shown = new ArrayList<>();
        shownByCitizen.forEach((citizenId, rows) -> {
            Decided decided = decisions.get(citizenId).orElseThrow();
            AccessDecision d = decided.decision();
            Set<DataCategory> returned = EnumSet.of(DataCategory.CASE_SUMMARIES);
            if (d.granted().contains(DataCategory.MASTER_DATA)) {
                returned.add(DataCategory.MASTER_DATA);
            }
            if (rows.stream().anyMatch(SearchQueries.CaseRow::entriesNeeded)) {
                returned.add(DataCategory.CASE_ENTRIES);
            }
            shown.add(searchEntry(caller, citizenId, decided, returned,
                    rows.stream().map(SearchQueries.CaseRow::fileReference).toList(), stated, correlationId));
        });
        recordSearch(caller, SearchScope.CASES, criteriaText, AccessOutcome.GRANTED, "search", hits.size(), stated,
                purpose, shown, correlationId);
        String next = hits.size() == limit && more ? hits.get(hits.size() - 1).row().cursor()
                : more ? after : null;
        return new SearchPage<>(hits, next);
    }

    /**
     * A search needs a stated purpose of the caller's office (GDPR Art. 5(1)(b)); without one, or
     * with one the catalogue does not know, the search is refused and the refusal recorded.
     */
    private Purpose searchPurpose(Caller caller, SearchScope scope, String criteriaText, AccessHeaders.Stated stated,
                                  String correlationId) {
        if (stated.purpose() == null) {
            recordSearch(caller, scope, criteriaText, AccessOutcome.DENIED, "purpose-required", 0, stated, null,
                    List.of(), correlationId);
            throw new AccessDeniedByPolicy("purpose-required",
                    "a search needs a stated purpose (Access-Purpose, Access-Reason)");
        }
        Optional<Purpose> purpose = purposes.find(caller.actor().office(), stated.purpose().code());
        if (purpose.isEmpty()) {
            recordSearch(caller, scope, criteriaText, AccessOutcome.DENIED, "purpose-unknown", 0, stated, null,
                    List.of(), correlationId);
            throw new AccessDeniedByPolicy("purpose-unknown", "purpose " + stated.purpose().code()
                    + " is not in the catalogue of office " + caller.actor().office());
        }
        return purpose.get();
    }

    /** A decision on one search hit and the facts it rested on. */
    private record Decided(AccessDecision decision, AccessFacts facts) {
    }

    /**
     * The policy's decision on one hit, as on a read of that citizen, on the facts read for the
     * whole page; empty if the citizen has left the read model since the search, or if denied (the
     * denial is recorded).
     */
    private Optional<Decided> searchDecision(Caller caller, CitizenId citizenId, CitizenStanding.Found found,
                                             Set<DataCategory> asked, AccessHeaders.Stated stated, String correlationId) {
        if (found == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Decided(decide(caller, citizenId, asked, stated, found.facts(), correlationId,
                    found.grantActive()), found.facts()));
        } catch (AccessDeniedByPolicy denied) {
            return Optional.empty();
        }
    }

    private AccessRecord searchEntry(Caller caller, CitizenId citizenId, Decided decided,
                                     Set<DataCategory> returned, List<String> references, AccessHeaders.Stated stated,
                                     String correlationId) {
        AccessDecision decision = decided.decision();
        String purpose = stated.purpose() == null ? null : stated.purpose().code().value();
        String legalBasis = decision.purpose() == null ? null : decision.purpose().legalBasis();
        String reason = stated.purpose() == null ? null : stated.purpose().reason();
        return new AccessRecord(UUID.randomUUID(), clock.instant(), caller.actor(), citizenId, decision.outcome(),
                decision.rule(), returned, references.stream().map(FileReference::parse).toList(), purpose, legalBasis,
                reason, null, decision.flagged(), Channel.SEARCH, correlationId, facts(caller, decided.facts()));
    }

    private void recordSearch(Caller caller, SearchScope scope, String criteriaText, AccessOutcome outcome, String rule,
                              int hitCount, AccessHeaders.Stated stated, Purpose purpose, List<AccessRecord> shown,
                              String correlationId) {
        recorder.recordSearch(new SearchRecord(UUID.randomUUID(), clock.instant(), caller.actor(), scope, criteriaText,
                outcome, rule, hitCount, stated.purpose() == null ? null : stated.purpose().code().value(),
                purpose == null ? null : purpose.legalBasis(), stated.purpose() == null ? null : stated.purpose().reason(),
                correlationId), shown);
    }

    private AccessDecision decide(Caller caller, CitizenId citizenId, Set<DataCategory> asked,
                                  AccessHeaders.Stated stated, AccessFacts facts, String correlationId) {
        return decide(caller, citizenId, asked, stated, facts, correlationId,
                breakGlass.activeGrant(caller.actor(), citizenId));
    }

    private AccessDecision decide(Caller caller, CitizenId citizenId, Set<DataCategory> asked,
                                  AccessHeaders.Stated stated, AccessFacts facts, String correlationId,
                                  boolean grantActive) {
        Actor actor = caller.actor();
        AccessDecision decision = policy.decide(new AccessRequest(actor, caller.citizenClaim(), citizenId, asked,
                stated.purpose(), stated.breakGlass(), facts.block(), facts.cases(), grantActive,
                stated.breakGlass() == null ? 0 : breakGlass.usesToday(actor), clock.instant(), facts.restricted()));
        if (!decision.isGranted()) {
            record(caller, citizenId, decision, Set.of(), List.of(), stated, correlationId, facts);
            throw new AccessDeniedByPolicy(decision.rule(), decision.explanation());
        }
        // a justification while a grant is in force uses that grant, not the quota
        if (decision.outcome() == AccessOutcome.BREAK_GLASS && stated.breakGlass() != null && !grantActive
                && breakGlass.open(actor, citizenId, stated.breakGlass().justification(), breakGlassQuota,
                correlationId).isEmpty()) {
            // a concurrent request took the last grant of the day
            AccessDecision denied = AccessDecision.denied("break-glass-quota",
                    "the daily break-glass quota of " + breakGlassQuota + " is used up", asked, true);
            record(caller, citizenId, denied, Set.of(), List.of(), stated, correlationId, facts);
            throw new AccessDeniedByPolicy(denied.rule(), denied.explanation());
        }
        return decision;
    }

    private static GetCase.Result filterEntries(GetCase.Result c, boolean entriesGranted, boolean citizenVisibleOnly) {
        List<GetCase.Entry> entries = !entriesGranted ? List.of()
                : citizenVisibleOnly ? c.entries().stream().filter(e -> e.visibility() == Visibility.CITIZEN).toList()
                : c.entries();
        return new GetCase.Result(c.summary(), c.citizenId(), c.disposal(), entries);
    }

    private void record(Caller caller, CitizenId citizenId, AccessDecision decision, Set<DataCategory> returned,
                        List<FileReference> references, AccessHeaders.Stated stated, String correlationId,
                        AccessFacts facts) {
        record(caller, citizenId, decision, returned, references, stated, correlationId, Channel.REST, facts);
    }

    private void record(Caller caller, CitizenId citizenId, AccessDecision decision, Set<DataCategory> returned,
                        List<FileReference> references, AccessHeaders.Stated stated, String correlationId,
                        Channel channel, AccessFacts facts) {
        String purpose = stated.purpose() == null ? null : stated.purpose().code().value();
        String legalBasis = decision.purpose() == null ? null : decision.purpose().legalBasis();
        String reason = stated.purpose() == null ? null : stated.purpose().reason();
        String justification = stated.breakGlass() == null ? null : stated.breakGlass().justification();
        recorder.record(new AccessRecord(UUID.randomUUID(), clock.instant(), caller.actor(), citizenId,
                decision.outcome(), decision.rule(), returned, references, purpose, legalBasis, reason, justification,
                decision.flagged(), channel, correlationId, facts(caller, facts)));
    }

    /**
     * The facts the policy decided on, for the access entry: which of the caller office's cases of
     * the citizen gave it a case context (the policy's own test), whether the citizen has a strictly
     * confidential case, and their information block.
     */
    private DecisionFacts facts(Caller caller, AccessFacts facts) {
        OfficeCode office = caller.actor().office();
        java.time.Instant now = clock.instant();
        List<FileReference> context = office == null ? List.of() : facts.cases().stream()
                .filter(c -> office.equals(c.office()) && policy.inContext(c, now))
                .map(CaseFact::fileReference).toList();
        boolean strictlyConfidential = facts.cases().stream()
                .anyMatch(c -> c.confidentiality() == Confidentiality.STRICTLY_CONFIDENTIAL);
        return new DecisionFacts(context, strictlyConfidential, facts.block());
    }
}
