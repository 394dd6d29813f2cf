package de.eakte.api.cases;

import de.eakte.api.cases.CaseRequests.DeadlineRequest;
import de.eakte.api.cases.CaseRequests.EntryRequest;
import de.eakte.api.cases.CaseRequests.LegalHoldRequest;
import de.eakte.api.cases.CaseRequests.StatusRequest;
import de.eakte.api.security.JwtCallers;
import de.eakte.api.access.AccessHeaders;
import de.eakte.api.access.CitizenDataReads;
import de.eakte.api.access.PurposeHeaders;
import de.eakte.api.web.Commands;
import de.eakte.api.web.HttpEdgeFilter;
import de.eakte.api.web.IdempotencyStore;
import de.eakte.api.web.NotFoundException;
import de.eakte.api.web.ReadYourWrites;
import de.eakte.api.web.Requests;
import de.eakte.api.web.Versions;
import de.eakte.core.cases.AddEntry;
import de.eakte.core.cases.CaseStatus;
import de.eakte.core.cases.ChangeCaseStatus;
import de.eakte.core.cases.ChangeDeadline;
import de.eakte.core.cases.DocumentMetadata;
import de.eakte.core.cases.EntryKind;
import de.eakte.core.cases.LiftLegalHold;
import de.eakte.core.cases.PlaceLegalHold;
import de.eakte.core.cases.Visibility;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.EntryId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.List;

/** Cases (Vorgänge): read with entries, add entries, move status, change the deadline. */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "cases", description = "Cases (Vorgänge): entries, status, deadline")
@SecurityRequirement(name = "bearer")
public class CaseController {

    private final Commands commands;
    private final IdempotencyStore idempotency;
    private final CitizenDataReads reads;
    private final ReadYourWrites readYourWrites;
    private final JsonMapper json;

    public CaseController(Commands commands, IdempotencyStore idempotency, CitizenDataReads reads,
                          ReadYourWrites readYourWrites, JsonMapper json) {
        this.commands = commands;
        this.idempotency = idempotency;
        this.reads = reads;
        this.readYourWrites = readYourWrites;
        this.json = json;
    }

    @GetMapping("/{caseId}")
    @Operation(summary = "Read a case with its entries", description = "Granted by the access policy like the "
            + "consolidated file; without CASE_ENTRIES for this case, `entries` is null and `access.notGranted` says so.")
    @PurposeHeaders
    public ResponseEntity<CaseResponses.CaseView> get(
            @PathVariable String caseId,
            @RequestHeader(value = ReadYourWrites.HEADER, required = false) List<String> consistency,
            Authentication auth, HttpServletRequest request) {
        CitizenDataReads.Caller caller = JwtCallers.caller(auth);
        CaseId id = CaseId.of(caseId);
        AccessHeaders.Stated stated = AccessHeaders.read(request);
        readYourWrites.await(consistency);
        return reads.caseDetail(id, caller, stated, HttpEdgeFilter.correlationId(request))
                .map(c -> ResponseEntity.ok().eTag(Versions.etag(c.detail().summary().version()))
                        .body(CaseResponses.CaseView.of(c)))
                .orElseThrow(() -> new NotFoundException("No case " + caseId));
    }

    @PostMapping("/{caseId}/entries")
    @Operation(summary = "Add an entry (note, letter, document metadata)",
            description = "Owning office only; not on a closed case. Accepts Idempotency-Key and If-Match.")
    public ResponseEntity<CaseResponses.EntryCreated> addEntry(
            @PathVariable String caseId, @RequestBody EntryRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestHeader(value = IdempotencyStore.HEADER, required = false) String key,
            Authentication auth, HttpServletRequest request) {
        Actor actor = JwtCallers.staffActor(auth);
        CaseId id = CaseId.of(caseId);
        EntryKind kind = Requests.required("kind", Requests.enumValue("kind", EntryKind.class, body.kind()));
        Visibility visibility = Requests.required("visibility",
                Requests.enumValue("visibility", Visibility.class, body.visibility()));
        DocumentMetadata document = body.document() == null ? null : body.document().toMetadata();
        Long expected = Versions.ifMatch(ifMatch);
        // the idempotency record keeps "<entry id>:<version>", so a replay answers like the original
        IdempotencyStore.Outcome outcome = idempotency.create(key, actor.subject(), "POST /api/cases/" + id + "/entries",
                json.writeValueAsBytes(body), () -> {
                    EntryId entryId = EntryId.random();
                    long v = commands.send(new AddEntry(id, entryId, kind, visibility, body.text(), document, actor,
                            expected), actor, HttpEdgeFilter.correlationId(request));
                    return entryId + ":" + v;
                });
        String[] created = outcome.createdId().split(":");
        long v = Long.parseLong(created[1]);
        return ResponseEntity.status(outcome.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/cases/" + id))
                .eTag(Versions.etag(v))
                .header(ReadYourWrites.HEADER, ReadYourWrites.token(id, v))
                .body(new CaseResponses.EntryCreated(id.toString(), created[0], v));
    }

    @PostMapping("/{caseId}/status")
    @Operation(summary = "Move the case to another status",
            description = "Allowed moves: OPEN->IN_PROGRESS|CLOSED, IN_PROGRESS->WAITING_FOR_CITIZEN|DECIDED|CLOSED, "
                    + "WAITING_FOR_CITIZEN->IN_PROGRESS|CLOSED, DECIDED->IN_PROGRESS|CLOSED. CLOSED is final (zdA).")
    public ResponseEntity<CaseResponses.Changed> status(
            @PathVariable String caseId, @RequestBody StatusRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            Authentication auth, HttpServletRequest request) {
        Actor actor = JwtCallers.staffActor(auth);
        CaseId id = CaseId.of(caseId);
        CaseStatus status = Requests.required("status", Requests.enumValue("status", CaseStatus.class, body.status()));
        long version = commands.send(new ChangeCaseStatus(id, status, actor, Versions.ifMatch(ifMatch)), actor,
                HttpEdgeFilter.correlationId(request));
        return changed(id, version);
    }

    @PostMapping("/{caseId}/deadline")
    @Operation(summary = "Change the processing deadline", description = "Not before the opening date; not on a closed case.")
    public ResponseEntity<CaseResponses.Changed> deadline(
            @PathVariable String caseId, @RequestBody DeadlineRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            Authentication auth, HttpServletRequest request) {
        Actor actor = JwtCallers.staffActor(auth);
        CaseId id = CaseId.of(caseId);
        long version = commands.send(new ChangeDeadline(id,
                        Requests.required("deadline", Requests.date("deadline", body.deadline())), actor,
                        Versions.ifMatch(ifMatch)), actor, HttpEdgeFilter.correlationId(request));
        return changed(id, version);
    }

    @PostMapping("/{caseId}/legal-hold")
    @Operation(summary = "Put the case under a legal hold",
            description = "Owning office only; in any status. While the hold lasts the case is kept off disposal lists "
                    + "and its citizen's data is not erased. The reason (one line, at most 200 characters) names the "
                    + "proceedings and is stored plain. Accepts If-Match.")
    public ResponseEntity<CaseResponses.Changed> placeLegalHold(
            @PathVariable String caseId, @RequestBody LegalHoldRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            Authentication auth, HttpServletRequest request) {
        Actor actor = JwtCallers.staffActor(auth);
        CaseId id = CaseId.of(caseId);
        long version = commands.send(new PlaceLegalHold(id, Requests.required("body", body).reason(), actor,
                Versions.ifMatch(ifMatch)), actor, HttpEdgeFilter.correlationId(request));
        return changed(id, version);
    }

    @PostMapping("/{caseId}/legal-hold/lift")
    @Operation(summary = "Lift the case's legal hold",
            description = "Owning office only, with a reason; retention and disposal apply again. Accepts If-Match.")
    public ResponseEntity<CaseResponses.Changed> liftLegalHold(
            @PathVariable String caseId, @RequestBody LegalHoldRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            Authentication auth, HttpServletRequest request) {
        Actor actor = JwtCallers.staffActor(auth);
        CaseId id = CaseId.of(caseId);
        long version = commands.send(new LiftLegalHold(id, Requests.required("body", body).reason(), actor,
                Versions.ifMatch(ifMatch)), actor, HttpEdgeFilter.correlationId(request));
        return changed(id, version);
    }

    private static ResponseEntity<CaseResponses.Changed> changed(CaseId id, long version) {
        return ResponseEntity.ok().eTag(Versions.etag(version))
                .header(ReadYourWrites.HEADER, ReadYourWrites.token(id, version))
                .body(new CaseResponses.Changed(id.toString(), version));
    }
}
