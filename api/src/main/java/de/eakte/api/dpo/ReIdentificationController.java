package de.eakte.api.dpo;

import de.eakte.api.security.JwtCallers;
import de.eakte.api.web.Commands;
import de.eakte.api.web.HttpEdgeFilter;
import de.eakte.api.web.IdempotencyStore;
import de.eakte.api.web.Requests;
import de.eakte.audit.dpo.ReIdentificationProjection;
import de.eakte.audit.log.DpoAccessLogProjection;
import de.eakte.core.access.reidentification.ApproveReIdentification;
import de.eakte.core.access.reidentification.ReIdentificationId;
import de.eakte.core.access.reidentification.ReIdentificationStatus;
import de.eakte.core.access.reidentification.RejectReIdentification;
import de.eakte.core.access.reidentification.RequestReIdentification;
import de.eakte.core.access.reidentification.RevealReIdentification;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.DomainRuleViolation;
import de.eakte.core.shared.InvalidValueException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Re-identifying a staff pseudonym with four eyes: a DPO asks with a reason, a different DPO
 * approves or rejects (the same person is refused with 403 four-eyes), and only the requester,
 * only once approved, is shown the staff member; every step is an event (request, decision, each
 * reveal). Reading one request answers from its aggregate, so it is never behind a write.
 */
@RestController
@Tag(name = "dpo", description = "Data-protection officer: access log, anomalies, re-identification, break-glass review")
@SecurityRequirement(name = "bearer")
public class ReIdentificationController {

    static final String PATH = "/api/dpo/re-identifications";
    static final int DEFAULT_LIMIT = 50;

    private final Commands commands;
    private final IdempotencyStore idempotency;
    private final JsonMapper json;
    private final ReIdentificationProjection requests;
    private final DpoAccessLogProjection view;
    private final StaffSubjects subjects;

    public ReIdentificationController(Commands commands, IdempotencyStore idempotency, JsonMapper json,
                                      ReIdentificationProjection requests, DpoAccessLogProjection view,
                                      StaffSubjects subjects) {
        this.commands = commands;
        this.idempotency = idempotency;
        this.json = json;
        this.requests = requests;
        this.view = view;
        this.subjects = subjects;
    }

    public record ReIdentificationRequest(
            @Schema(example = "P-0123456789ab") String pseudonym,
            @Schema(example = "Zugriffe am Sonntag um 23 Uhr auf gesperrte Bürger; Personalrat informiert") String reason) {
    }

    public record DecisionRequest(@Schema(example = "Anlass geprüft, Personalrat beteiligt") String note,
                                  @Schema(example = "kein hinreichender Anlass") String reason) {
    }

    public record Created(String reIdentificationId, String status) {
    }

    /**
     * One request; {@code staffSubject} only for its requester once approved (each such answer is
     * recorded as a ReIdentificationRevealed event first).
     */
    public record ReIdentificationView(String reIdentificationId, String pseudonym, String reason, String status,
                                       Instant requestedAt, Instant decidedAt, boolean requestedByYou,
                                       String staffSubject) {
    }

    public record ReIdentificationList(List<ReIdentificationProjection.Row> reIdentifications) {
    }

    @PostMapping(PATH)
    @Operation(summary = "Ask to re-identify a staff pseudonym",
            description = "DPO. The pseudonym must appear in the DPO's view; the reason needs at least 20 characters. "
                    + "Another DPO must approve before the requester is shown the staff member. Accepts "
                    + "Idempotency-Key.")
    public ResponseEntity<Created> request(
            @RequestBody ReIdentificationRequest body,
            @Parameter(description = "makes retries safe; a UUID") @RequestHeader(value = IdempotencyStore.HEADER, required = false) String key,
            Authentication auth, HttpServletRequest request) {
        Actor dpo = JwtCallers.caller(auth).actor();
        ReIdentificationRequest checked = Requests.required("body", body);
        String pseudonym = Requests.required("pseudonym", checked.pseudonym()).strip();
        if (!DpoAccessLogProjection.PSEUDONYM.matcher(pseudonym).matches()) {
            throw new InvalidValueException("pseudonym", "pseudonym", "pseudonym must look like P-0123456789ab");
        }
        if (!view.knows(pseudonym)) {
            throw DomainRuleViolation.notFound("pseudonym-unknown", "pseudonym",
                    "no access or search in the DPO's view was made under " + pseudonym);
        }
        IdempotencyStore.Outcome outcome = idempotency.create(key, dpo.subject(), "POST " + PATH,
                json.writeValueAsBytes(checked), () -> {
                    ReIdentificationId id = ReIdentificationId.random();
                    commands.send(new RequestReIdentification(id, pseudonym, checked.reason(), dpo), dpo,
                            HttpEdgeFilter.correlationId(request));
                    return id.toString();
                });
        return ResponseEntity.status(outcome.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create(PATH + "/" + outcome.createdId()))
                .body(new Created(outcome.createdId(), ReIdentificationStatus.PENDING.name()));
    }

    @GetMapping(PATH)
    @Operation(summary = "Re-identification requests, newest first",
            description = "DPO. status=PENDING for those awaiting a second DPO; requester and decider as pseudonyms; "
                    + "never the staff member asked about. limit 1-200, default 50.")
    public ReIdentificationList list(@RequestParam(required = false) String status,
                                     @RequestParam(required = false) String limit) {
        return new ReIdentificationList(requests.list(
                Requests.enumValue("status", ReIdentificationStatus.class, status),
                (int) DpoRequests.number("limit", limit, DEFAULT_LIMIT, 1, ReIdentificationProjection.MAX_LIMIT)));
    }

    @GetMapping(PATH + "/{reIdentificationId}")
    @Operation(summary = "Read a re-identification request; its requester, once approved, is shown the staff member",
            description = "DPO. For the requester of an approved request the answer holds staffSubject, and the reveal "
                    + "is stored as a ReIdentificationRevealed event before it is sent; everyone else sees the status "
                    + "only. 410 subject-unavailable where no event of the pseudonym can be read any more.")
    public ResponseEntity<ReIdentificationView> read(@PathVariable String reIdentificationId, Authentication auth,
                                                     HttpServletRequest request) {
        Actor dpo = JwtCallers.caller(auth).actor();
        ReIdentificationId id = ReIdentificationId.of(reIdentificationId);
        RevealReIdentification.Result state = commands.send(new RevealReIdentification(id, dpo), dpo,
                HttpEdgeFilter.correlationId(request));
        String subject = null;
        if (state.revealed()) {
            subject = subjects.resolve(state.pseudonym()).orElseThrow(() -> DomainRuleViolation.gone(
                    "subject-unavailable", "no event of " + state.pseudonym() + " can be read any more"));
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new ReIdentificationView(state.reIdentificationId().toString(), state.pseudonym(),
                        state.reason(), state.status().name(), state.requestedAt(), state.decidedAt(),
                        state.requester(), subject));
    }

    @PostMapping(PATH + "/{reIdentificationId}/approve")
    @Operation(summary = "Approve a pending re-identification",
            description = "A DPO other than the requester (four eyes; the requester gets 403 four-eyes); optional note. "
                    + "409 re-identification-not-pending once decided.")
    public Created approve(@PathVariable String reIdentificationId,
                           @RequestBody(required = false) DecisionRequest body, Authentication auth,
                           HttpServletRequest request) {
        Actor dpo = JwtCallers.caller(auth).actor();
        ReIdentificationId id = ReIdentificationId.of(reIdentificationId);
        commands.send(new ApproveReIdentification(id, body == null ? null : body.note(), dpo), dpo,
                HttpEdgeFilter.correlationId(request));
        return new Created(id.toString(), ReIdentificationStatus.APPROVED.name());
    }

    @PostMapping(PATH + "/{reIdentificationId}/reject")
    @Operation(summary = "Reject a pending re-identification",
            description = "A DPO other than the requester (four eyes), with a reason.")
    public Created reject(@PathVariable String reIdentificationId, @RequestBody DecisionRequest body,
                          Authentication auth, HttpServletRequest request) {
        Actor dpo = JwtCallers.caller(auth).actor();
        ReIdentificationId id = ReIdentificationId.of(reIdentificationId);
        DecisionRequest checked = Requests.required("body", body);
        commands.send(new RejectReIdentification(id, checked.reason(), dpo), dpo, HttpEdgeFilter.correlationId(request));
        return new Created(id.toString(), ReIdentificationStatus.REJECTED.name());
    }
}
