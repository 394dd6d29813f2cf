package de.eakte.api.dpo;

import de.eakte.api.access.BreakGlassRegistry;
import de.eakte.api.security.JwtCallers;
import de.eakte.api.web.HttpEdgeFilter;
import de.eakte.api.web.Requests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** The DPO's break-glass queue: every emergency grant awaits a review by someone other than who opened it. */
@RestController
@RequestMapping("/api/dpo/break-glass")
@Tag(name = "dpo", description = "Data-protection officer: access log, anomalies, re-identification, break-glass review")
@SecurityRequirement(name = "bearer")
public class BreakGlassReviewController {

    private final BreakGlassRegistry registry;

    public BreakGlassReviewController(BreakGlassRegistry registry) {
        this.registry = registry;
    }

    public record ReviewRequest(
            @Schema(example = "JUSTIFIED", allowableValues = {"JUSTIFIED", "UNJUSTIFIED"}) String verdict,
            @Schema(example = "Rückfrage beim Amt: Polizeieinsatz bestätigt.") String note) {
    }

    @GetMapping
    @Operation(summary = "Break-glass grants, newest first", description = "status=PENDING for the review queue.")
    public List<BreakGlassRegistry.Grant> list(@RequestParam(required = false) String status) {
        String normalized = status == null ? null : Requests.enumValue("status", Status.class, status).name();
        return registry.list(normalized);
    }

    @PostMapping("/{grantId}/review")
    @Operation(summary = "Review a break-glass use", description = "Not by the person who opened it (four eyes).")
    public BreakGlassRegistry.Grant review(@PathVariable String grantId, @RequestBody ReviewRequest body,
                                           Authentication auth, HttpServletRequest request) {
        UUID id;
        try {
            id = UUID.fromString(grantId);
        } catch (IllegalArgumentException e) {
            throw new de.eakte.core.shared.InvalidValueException("grantId", "uuid", "grantId must be a UUID");
        }
        BreakGlassRegistry.Verdict verdict = Requests.required("verdict",
                Requests.enumValue("verdict", BreakGlassRegistry.Verdict.class, body.verdict()));
        String note = de.eakte.core.shared.Values.optionalText("note", body.note(), 2000);
        return registry.review(id, JwtCallers.caller(auth).actor(), verdict, note, HttpEdgeFilter.correlationId(request));
    }

    enum Status { PENDING, JUSTIFIED, UNJUSTIFIED }
}
