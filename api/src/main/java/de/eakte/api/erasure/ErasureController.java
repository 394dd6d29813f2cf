package de.eakte.api.erasure;

import de.eakte.api.security.JwtCallers;
import de.eakte.api.web.Commands;
import de.eakte.api.web.HttpEdgeFilter;
import de.eakte.api.web.Requests;
import de.eakte.core.citizens.CitizenFile;
import de.eakte.core.citizens.DecideErasure;
import de.eakte.core.citizens.GiveErasureOpinion;
import de.eakte.core.citizens.RequestErasure;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CitizenId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/**
 * Erasure (GDPR Art. 17): a request is answered at once with what happens next. If a retention
 * period still binds, processing is restricted instead (Art. 18) and the answer names the earliest
 * date erasure becomes possible; otherwise the registration office decides, after the DPO's
 * opinion if they give one, and an approved erasure destroys the citizen's keys.
 */
@RestController
@Tag(name = "erasure", description = "GDPR Art. 17/18: erasure requests, the DPO's opinion and the controller's decision")
@SecurityRequirement(name = "bearer")
public class ErasureController {

    private final Commands commands;

    public ErasureController(Commands commands) {
        this.commands = commands;
    }

    /** What became of a request or decision. */
    public record ErasureState(
            @Schema(description = "PENDING_DECISION, RESTRICTED, ERASED or REJECTED") String state,
            @Schema(description = "first day erasure is possible; null while open cases or legal holds leave it open")
            LocalDate earliestErasureOn,
            String explanation) {

        static ErasureState of(CitizenFile.ErasureOutcome outcome, boolean decision) {
            if (outcome.restricted()) {
                return new ErasureState("RESTRICTED", outcome.earliestErasureOn(), outcome.earliestErasureOn() == null
                        ? "a case is still open or under a legal hold: your data is restricted (GDPR Art. 18) and "
                        + "can be erased once those cases are closed and their retention periods have ended"
                        : "a retention period still binds: your data is restricted (GDPR Art. 18) and can be erased "
                        + "from " + outcome.earliestErasureOn());
            }
            if (!decision) {
                return new ErasureState("PENDING_DECISION", outcome.earliestErasureOn(),
                        "no retention period binds; the registration office decides on the erasure");
            }
            return outcome.erasable()
                    ? new ErasureState("ERASED", outcome.earliestErasureOn(), "the data keys were destroyed; the data is gone")
                    : new ErasureState("REJECTED", null, "the erasure was rejected; the reason is in the file");
        }
    }

    public record OpinionRequest(@Schema(example = "Keine Bedenken; Aufbewahrungsfristen abgelaufen.") String opinion) {
    }

    public record DecisionRequest(@Schema(description = "true erases, false rejects") Boolean erase,
                                  @Schema(description = "required when rejecting") String reason) {
    }

    @PostMapping("/api/me/erasure-request")
    @Operation(summary = "Ask for my data to be erased (GDPR Art. 17)",
            description = "202 with RESTRICTED and the earliest erasure date while a retention period binds, "
                    + "else PENDING_DECISION.")
    public ResponseEntity<ErasureState> requestOwn(Authentication auth, HttpServletRequest request) {
        var caller = JwtCallers.caller(auth);
        return request(caller.citizenClaim(), caller.actor(), request);
    }

    @PostMapping("/api/citizens/{citizenId}/erasure-request")
    @Operation(summary = "Record a citizen's erasure request on their behalf", description = "Staff of any office.")
    public ResponseEntity<ErasureState> requestForCitizen(@PathVariable String citizenId, Authentication auth,
                                                          HttpServletRequest request) {
        return request(CitizenId.of(citizenId), JwtCallers.staffActor(auth), request);
    }

    @PostMapping("/api/dpo/erasures/{citizenId}/opinion")
    @Operation(summary = "Give the DPO's opinion on a pending erasure (GDPR Art. 39)")
    public ResponseEntity<Void> opinion(@PathVariable String citizenId, @RequestBody OpinionRequest body,
                                        Authentication auth, HttpServletRequest request) {
        Actor actor = JwtCallers.caller(auth).actor();
        commands.<Long>send(new GiveErasureOpinion(CitizenId.of(citizenId), body.opinion(), actor), actor,
                HttpEdgeFilter.correlationId(request));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/citizens/{citizenId}/erasure-decision")
    @Operation(summary = "Decide a pending erasure", description = "Staff of the registration office (33), not who "
            + "requested it on the citizen's behalf. erase=true destroys the citizen's keys unless a retention period "
            + "binds by now (then RESTRICTED); erase=false needs a reason.")
    public ErasureState decide(@PathVariable String citizenId, @RequestBody DecisionRequest body,
                               Authentication auth, HttpServletRequest request) {
        Actor actor = JwtCallers.staffActor(auth);
        boolean erase = Requests.required("erase", body.erase());
        CitizenFile.ErasureOutcome outcome = commands.send(
                new DecideErasure(CitizenId.of(citizenId), erase, body.reason(), actor), actor,
                HttpEdgeFilter.correlationId(request));
        return ErasureState.of(outcome, true);
    }

    private ResponseEntity<ErasureState> request(CitizenId citizen, Actor actor, HttpServletRequest request) {
        CitizenFile.ErasureOutcome outcome = commands.send(new RequestErasure(citizen, actor), actor,
                HttpEdgeFilter.correlationId(request));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ErasureState.of(outcome, false));
    }
}
