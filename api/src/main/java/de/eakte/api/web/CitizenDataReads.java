package de.eakte.api.web;

import de.eakte.core.access.AccessOutcome;
import de.eakte.core.access.AccessRecord;
import de.eakte.core.access.AccessRecorder;
import de.eakte.core.access.Channel;
import de.eakte.core.access.DataCategory;
import de.eakte.core.cases.FileReference;
import de.eakte.core.file.GetCase;
import de.eakte.core.file.GetConsolidatedFile;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Every read of citizen data in the REST API goes through here: query the read model, then record
 * the access with exactly what the response will hold, and only then hand the data back. If the
 * recorder fails, the exception propagates and no data leaves (no entry, no data).
 */
public class CitizenDataReads {

    /** Until the purpose-bound policy lands, an authenticated staff member's read is granted under this rule. */
    public static final String STAFF_RULE = "staff-authenticated";

    private final QueryGateway queries;
    private final AccessRecorder recorder;
    private final Clock clock;

    public CitizenDataReads(QueryGateway queries, AccessRecorder recorder, Clock clock) {
        this.queries = queries;
        this.recorder = recorder;
        this.clock = clock;
    }

    public Optional<GetConsolidatedFile.Result> consolidatedFile(CitizenId citizenId, Actor actor, String correlationId) {
        Optional<GetConsolidatedFile.Result> file = queries.query(new GetConsolidatedFile(citizenId),
                ResponseTypes.optionalInstanceOf(GetConsolidatedFile.Result.class)).join();
        file.ifPresent(f -> record(actor, citizenId,
                Set.of(DataCategory.MASTER_DATA, DataCategory.ADDRESS_HISTORY, DataCategory.CASE_SUMMARIES),
                f.cases().stream().map(GetConsolidatedFile.CaseSummary::fileReference).toList(), correlationId));
        return file;
    }

    public Optional<GetCase.Result> caseDetail(CaseId caseId, Actor actor, String correlationId) {
        Optional<GetCase.Result> found = queries.query(new GetCase(caseId),
                ResponseTypes.optionalInstanceOf(GetCase.Result.class)).join();
        found.ifPresent(c -> record(actor, c.citizenId(),
                Set.of(DataCategory.CASE_SUMMARIES, DataCategory.CASE_ENTRIES),
                List.of(c.summary().fileReference()), correlationId));
        return found;
    }

    private void record(Actor actor, CitizenId citizenId, Set<DataCategory> categories,
                        List<FileReference> references, String correlationId) {
        recorder.record(new AccessRecord(UUID.randomUUID(), clock.instant(), actor, citizenId, AccessOutcome.GRANTED,
                STAFF_RULE, categories, references, null, Channel.REST, correlationId));
    }
}
