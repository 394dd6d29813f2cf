package de.eakte.api.citizens;

import de.eakte.api.cases.CaseResponses;
import de.eakte.api.citizens.CitizenRequests.MasterDataRequest;
import de.eakte.api.citizens.CitizenRequests.MoveRequest;
import de.eakte.api.citizens.CitizenRequests.OpenCaseRequest;
import de.eakte.api.citizens.CitizenRequests.OpenCitizenFileRequest;
import de.eakte.api.security.JwtCallers;
import de.eakte.api.storage.JdbcFileReferenceAllocator;
import de.eakte.api.access.AccessHeaders;
import de.eakte.api.access.CitizenDataReads;
import de.eakte.api.access.PurposeHeaders;
import de.eakte.core.access.policy.InformationBlock;
import de.eakte.core.citizens.LiftInformationBlock;
import de.eakte.core.citizens.SetInformationBlock;
import de.eakte.api.web.Commands;
import de.eakte.api.web.HttpEdgeFilter;
import de.eakte.api.web.IdempotencyStore;
import de.eakte.api.erasure.ErasedFiles;
import de.eakte.api.web.NotFoundException;
import de.eakte.api.web.ReadYourWrites;
import de.eakte.api.web.Requests;
import de.eakte.api.web.Versions;
import de.eakte.core.cases.OpenCase;
import de.eakte.core.catalogue.CaseTypeCode;
import de.eakte.core.catalogue.Confidentiality;
import de.eakte.core.citizens.Address;
import de.eakte.core.citizens.CorrectMasterData;
import de.eakte.core.citizens.MasterData;
import de.eakte.core.citizens.OpenCitizenFile;
import de.eakte.core.citizens.RecordMove;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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

/** Citizens' files: open, correct, record moves, open cases, read the consolidated file. */
@RestController
@RequestMapping("/api/citizens")
@Tag(name = "citizens", description = "Citizens' files (Bürgerakten) and the consolidated file across offices")
@SecurityRequirement(name = "bearer")
public class CitizenController {

    private final Commands commands;
    private final IdempotencyStore idempotency;
    private final CitizenDataReads reads;
    private final ReadYourWrites readYourWrites;
    private final JdbcFileReferenceAllocator references;
    private final JsonMapper json;
    private final ErasedFiles erased;

    public CitizenController(Commands commands, IdempotencyStore idempotency, CitizenDataReads reads,
                             ReadYourWrites readYourWrites, JdbcFileReferenceAllocator references, JsonMapper json,
                             ErasedFiles erased) {
        this.erased = erased;
        this.commands = commands;
        this.idempotency = idempotency;
        this.reads = reads;
        this.readYourWrites = readYourWrites;
        this.references = references;
        this.json = json;
    }

    @PostMapping
    @Operation(summary = "Open a citizen's file", description = "Staff of any office. Accepts Idempotency-Key.")
    public ResponseEntity<CitizenResponses.Created> open(
            @RequestBody OpenCitizenFileRequest body,
            @Parameter(description = "makes retries safe; a UUID") @RequestHeader(value = IdempotencyStore.HEADER, required = false) String key,
            Authentication auth, HttpServletRequest request) {
        Actor actor = JwtCallers.staffActor(auth);
        MasterData masterData = body.toMasterData();
        Address address = body.toAddress();
        IdempotencyStore.Outcome outcome = idempotency.create(key, actor.subject(), "POST /api/citizens",
                json.writeValueAsBytes(body), () -> {
                    CitizenId id = CitizenId.random();
                    commands.send(new OpenCitizenFile(id, masterData, address, actor), actor,
                            HttpEdgeFilter.correlationId(request));
                    return id.toString();
                });
        return ResponseEntity.status(outcome.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/citizens/" + outcome.createdId() + "/file"))
                .eTag(Versions.etag(0))
                .header(ReadYourWrites.HEADER, ReadYourWrites.token(outcome.createdId(), 0))
                .body(new CitizenResponses.Created(outcome.createdId(), 0));
    }

    @GetMapping("/{citizenId}/file")
    @Operation(summary = "Read the consolidated file", description = "Master data, address history and the cases "
            + "across offices that the access policy grants: the caller's own office's cases while it has a case "
            + "context, anything else by a stated purpose (headers). `access.notGranted` names the data categories "
            + "not granted. Send back a Consistency-Token from a write to read your own writes.")
    @PurposeHeaders
    public ResponseEntity<CitizenResponses.ConsolidatedFile> file(
            @PathVariable String citizenId,
            @RequestHeader(value = ReadYourWrites.HEADER, required = false) List<String> consistency,
            Authentication auth, HttpServletRequest request) {
        CitizenDataReads.Caller caller = JwtCallers.caller(auth);
        CitizenId id = CitizenId.of(citizenId);
        AccessHeaders.Stated stated = AccessHeaders.read(request);
        readYourWrites.await(consistency);
        return reads.consolidatedFile(id, caller, stated, CitizenDataReads.FILE, HttpEdgeFilter.correlationId(request))
                .map(f -> ResponseEntity.ok().eTag(Versions.etag(f.file().citizen().version()))
                        .body(CitizenResponses.ConsolidatedFile.of(f)))
                .orElseThrow(() -> erased.goneOr(id, new NotFoundException("No citizen's file " + citizenId)));
    }

    @PostMapping("/{citizenId}/information-block")
    @Operation(summary = "Put the file under an information block",
            description = "Registration office (33) only. kind BLOCK (Auskunftssperre, BMG § 51) or CONDITIONAL "
                    + "(bedingter Sperrvermerk, § 52): other offices no longer see the citizen except by break-glass.")
    public ResponseEntity<CitizenResponses.Changed> block(
            @PathVariable String citizenId, @RequestBody CitizenRequests.BlockRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            Authentication auth, HttpServletRequest request) {
        Actor actor = JwtCallers.staffActor(auth);
        CitizenId id = CitizenId.of(citizenId);
        InformationBlock kind = Requests.required("kind", Requests.enumValue("kind", InformationBlock.class, body.kind()));
        long version = commands.send(new SetInformationBlock(id, kind, actor, Versions.ifMatch(ifMatch)), actor,
                HttpEdgeFilter.correlationId(request));
        return changed(id, version);
    }

    @PostMapping("/{citizenId}/information-block/lift")
    @Operation(summary = "Lift the information block", description = "Registration office (33) only.")
    public ResponseEntity<CitizenResponses.Changed> liftBlock(
            @PathVariable String citizenId,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            Authentication auth, HttpServletRequest request) {
        Actor actor = JwtCallers.staffActor(auth);
        CitizenId id = CitizenId.of(citizenId);
        long version = commands.send(new LiftInformationBlock(id, actor, Versions.ifMatch(ifMatch)), actor,
                HttpEdgeFilter.correlationId(request));
        return changed(id, version);
    }

    @PostMapping("/{citizenId}/corrections")
    @Operation(summary = "Correct master data", description = "Replaces names, birth data and IdNr. If-Match guards against lost updates.")
    public ResponseEntity<CitizenResponses.Changed> correct(
            @PathVariable String citizenId, @RequestBody MasterDataRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            Authentication auth, HttpServletRequest request) {
        Actor actor = JwtCallers.staffActor(auth);
        CitizenId id = CitizenId.of(citizenId);
        long version = commands.send(new CorrectMasterData(id, body.toMasterData(), actor, Versions.ifMatch(ifMatch)),
                actor, HttpEdgeFilter.correlationId(request));
        return changed(id, version);
    }

    @PostMapping("/{citizenId}/moves")
    @Operation(summary = "Record a move", description = "A dated change of address. Accepts Idempotency-Key and If-Match.")
    public ResponseEntity<CitizenResponses.Changed> move(
            @PathVariable String citizenId, @RequestBody MoveRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestHeader(value = IdempotencyStore.HEADER, required = false) String key,
            Authentication auth, HttpServletRequest request) {
        Actor actor = JwtCallers.staffActor(auth);
        CitizenId id = CitizenId.of(citizenId);
        Address address = body.toAddress();
        RecordMove command = new RecordMove(id, address, Requests.required("movedOn", Requests.date("movedOn", body.movedOn())),
                actor, Versions.ifMatch(ifMatch));
        IdempotencyStore.Outcome outcome = idempotency.create(key, actor.subject(), "POST /api/citizens/" + id + "/moves",
                json.writeValueAsBytes(body), () -> {
                    long version = commands.send(command, actor, HttpEdgeFilter.correlationId(request));
                    return Long.toString(version);
                });
        return changed(id, Long.parseLong(outcome.createdId()));
    }

    @PostMapping("/{citizenId}/cases")
    @Operation(summary = "Open a case for the citizen in the caller's office",
            description = "The case type must belong to the caller's office. Accepts Idempotency-Key.")
    public ResponseEntity<CaseResponses.Created> openCase(
            @PathVariable String citizenId, @RequestBody OpenCaseRequest body,
            @RequestHeader(value = IdempotencyStore.HEADER, required = false) String key,
            Authentication auth, HttpServletRequest request) {
        Actor actor = JwtCallers.staffActor(auth);
        CitizenId id = CitizenId.of(citizenId);
        CaseTypeCode type = new CaseTypeCode(Requests.required("caseType", body.caseType()));
        Confidentiality confidentiality = Requests.enumValue("confidentiality", Confidentiality.class, body.confidentiality());
        var deadline = Requests.date("deadline", body.deadline());
        IdempotencyStore.Outcome outcome = idempotency.create(key, actor.subject(), "POST /api/citizens/" + id + "/cases",
                json.writeValueAsBytes(body), () -> {
                    CaseId caseId = CaseId.random();
                    commands.send(new OpenCase(caseId, id, type, body.subject(), confidentiality, deadline, actor),
                            actor, HttpEdgeFilter.correlationId(request));
                    return caseId.toString();
                });
        CaseId caseId = CaseId.of(outcome.createdId());
        String reference = references.referenceOf(caseId).map(Object::toString).orElse(null);
        return ResponseEntity.status(outcome.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/cases/" + caseId))
                .eTag(Versions.etag(0))
                .header(ReadYourWrites.HEADER, ReadYourWrites.token(caseId, 0))
                .body(new CaseResponses.Created(caseId.toString(), reference, 0));
    }

    private static ResponseEntity<CitizenResponses.Changed> changed(CitizenId id, long version) {
        return ResponseEntity.ok().eTag(Versions.etag(version))
                .header(ReadYourWrites.HEADER, ReadYourWrites.token(id, version))
                .body(new CitizenResponses.Changed(id.toString(), version));
    }
}
