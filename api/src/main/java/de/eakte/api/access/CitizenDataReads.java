package de.eakte.api.access;

import de.eakte.core.access.AccessOutcome;
import de.eakte.core.access.AccessRecord;
import de.eakte.core.access.AccessRecorder;
import de.eakte.core.access.Channel;
import de.eakte.core.access.DataCategory;
import de.eakte.core.access.policy.AccessDecision;
import de.eakte.core.access.policy.AccessPolicy;
import de.eakte.core.access.policy.AccessRequest;
import de.eakte.core.access.policy.CaseFact;
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

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
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

    public CitizenDataReads(QueryGateway queries, ConsolidatedFileProjection projection, AccessPolicy policy,
                            BreakGlassRegistry breakGlass, AccessRecorder recorder, Clock clock, int breakGlassQuota) {
        this.breakGlassQuota = breakGlassQuota;
        this.queries = queries;
        this.projection = projection;
        this.policy = policy;
        this.breakGlass = breakGlass;
        this.recorder = recorder;
        this.clock = clock;
    }

    public Optional<FileRead> consolidatedFile(CitizenId citizenId, Caller caller, AccessHeaders.Stated stated,
                                               Set<DataCategory> asked, String correlationId) {
        Optional<AccessFacts> facts = projection.accessFacts(citizenId);
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        AccessDecision decision = decide(caller, citizenId, asked, stated, facts.get(), correlationId);
        Optional<GetConsolidatedFile.Result> file = queries.query(new GetConsolidatedFile(citizenId),
                ResponseTypes.optionalInstanceOf(GetConsolidatedFile.Result.class)).join();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        List<GetConsolidatedFile.CaseSummary> visible = decision.granted().contains(DataCategory.CASE_SUMMARIES)
                ? file.get().cases().stream().filter(c -> decision.visibleCases().contains(c.caseId())).toList()
                : List.of();
        GetConsolidatedFile.Result filtered = new GetConsolidatedFile.Result(file.get().citizen(), visible);
        record(caller, citizenId, decision, decision.granted(),
                visible.stream().map(GetConsolidatedFile.CaseSummary::fileReference).toList(), stated, correlationId);
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
            record(caller, citizen.get(), denied, Set.of(), List.of(), stated, correlationId);
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
        record(caller, citizen.get(), decision, returned, List.of(detail.summary().fileReference()), stated, correlationId);
        return Optional.of(new CaseRead(detail, decision, entriesGranted));
    }

    /**
     * A citizen's own file with every case and the entries visible to them (GDPR Art. 15): one
     * decision, one access entry for the whole answer.
     */
    public Optional<CitizenView> citizenView(Caller caller, String correlationId) {
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
                cases.stream().map(c -> c.summary().fileReference()).toList(), none, correlationId);
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
        record(caller, citizenId, decision, CASE, List.of(reference), none, correlationId);
        return found;
    }

    /** What a citizen sees of their own file. */
    public record CitizenView(GetConsolidatedFile.Citizen citizen, List<GetCase.Result> cases) {
    }

    private AccessDecision decide(Caller caller, CitizenId citizenId, Set<DataCategory> asked,
                                  AccessHeaders.Stated stated, AccessFacts facts, String correlationId) {
        Actor actor = caller.actor();
        boolean grantActive = breakGlass.activeGrant(actor, citizenId);
        AccessDecision decision = policy.decide(new AccessRequest(actor, caller.citizenClaim(), citizenId, asked,
                stated.purpose(), stated.breakGlass(), facts.block(), facts.cases(), grantActive,
                stated.breakGlass() == null ? 0 : breakGlass.usesToday(actor), clock.instant(), facts.restricted()));
        if (!decision.isGranted()) {
            record(caller, citizenId, decision, Set.of(), List.of(), stated, correlationId);
            throw new AccessDeniedByPolicy(decision.rule(), decision.explanation());
        }
        // a justification while a grant is in force uses that grant, not the quota
        if (decision.outcome() == AccessOutcome.BREAK_GLASS && stated.breakGlass() != null && !grantActive
                && breakGlass.open(actor, citizenId, stated.breakGlass().justification(), breakGlassQuota,
                correlationId).isEmpty()) {
            // a concurrent request took the last grant of the day
            AccessDecision denied = AccessDecision.denied("break-glass-quota",
                    "the daily break-glass quota of " + breakGlassQuota + " is used up", asked, true);
            record(caller, citizenId, denied, Set.of(), List.of(), stated, correlationId);
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
                        List<FileReference> references, AccessHeaders.Stated stated, String correlationId) {
        String purpose = stated.purpose() == null ? null : stated.purpose().code().value();
        String legalBasis = decision.purpose() == null ? null : decision.purpose().legalBasis();
        String reason = stated.purpose() == null ? null : stated.purpose().reason();
        String justification = stated.breakGlass() == null ? null : stated.breakGlass().justification();
        recorder.record(new AccessRecord(UUID.randomUUID(), clock.instant(), caller.actor(), citizenId,
                decision.outcome(), decision.rule(), returned, references, purpose, legalBasis, reason, justification,
                decision.flagged(), Channel.REST, correlationId));
    }
}
