package de.eakte.api.catalogue;

import de.eakte.api.catalogue.CatalogueRequests.OpinionRequest;
import de.eakte.api.catalogue.CatalogueRequests.RejectionRequest;
import de.eakte.api.web.Commands;
import de.eakte.api.web.IdempotencyStore;
import de.eakte.api.web.NotFoundException;
import de.eakte.api.web.Requests;
import de.eakte.core.catalogue.changes.ApproveCaseTypeChange;
import de.eakte.core.catalogue.changes.AttachCaseTypeChangeOpinion;
import de.eakte.core.catalogue.changes.CaseTypeChangeId;
import de.eakte.core.catalogue.changes.RejectCaseTypeChange;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
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

/**
 * Case-type changes: proposed by an admin, approved or rejected by another admin (four eyes), with
 * the DPO's opinion attached; in force, for cases opened from then on, once approved. Next to the
 * purpose changes of {@link CatalogueController}, paged the same way.
 */
@RestController
@Tag(name = "catalogue")
@SecurityRequirement(name = "bearer")
public class CaseTypeChangeController {

    static final String CHANGES = "/api/admin/catalogue/case-type-changes";
    static final String DPO_CHANGES = "/api/dpo/catalogue/case-type-changes";

    private final ChangeEndpoints endpoints;
    private final CaseTypeCatalogueProjection changes;

    public CaseTypeChangeController(Commands commands, IdempotencyStore idempotency,
                                    CaseTypeCatalogueProjection changes, JsonMapper json) {
        this.endpoints = new ChangeEndpoints(commands, idempotency, json, CHANGES);
        this.changes = changes;
    }

    @PostMapping(CHANGES)
    @Operation(summary = "Propose a case-type change",
            description = "Admin. Adds a case type to an office or replaces one whole; in force only once another "
                    + "admin approved it. Accepts Idempotency-Key.")
    public ResponseEntity<CatalogueResponses.Created> propose(
            @RequestBody CaseTypeChangeRequest body,
            @Parameter(description = "makes retries safe; a UUID") @RequestHeader(value = IdempotencyStore.HEADER, required = false) String key,
            Authentication auth, HttpServletRequest request) {
        Actor actor = CatalogueCallers.actingAs(Role.ADMIN, auth);
        CaseTypeChangeRequest checked = Requests.required("body", body);
        // parse before the key is claimed, so a malformed body stores nothing
        checked.toCommand(CaseTypeChangeId.random(), actor);
        return endpoints.propose(key, actor, body, CaseTypeChangeId::random, id -> checked.toCommand(id, actor),
                request);
    }

    @GetMapping(CHANGES)
    @Operation(summary = "List case-type changes (admin)",
            description = "Newest first, optionally of one status; pages with limit and the previous page's cursor.")
    public CatalogueResponses.CaseTypeChangePage listForAdmins(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return page(status, limit, cursor);
    }

    @GetMapping(CHANGES + "/{changeId}")
    @Operation(summary = "Read a case-type change (admin)")
    public CatalogueResponses.CaseTypeChangeView readForAdmins(@PathVariable String changeId) {
        return changes.change(CaseTypeChangeId.of(changeId)).map(CatalogueResponses.CaseTypeChangeView::of)
                .orElseThrow(() -> new NotFoundException("No case-type change " + changeId));
    }

    @GetMapping(DPO_CHANGES)
    @Operation(summary = "List case-type changes (DPO)",
            description = "As admins see them, with the DPO's opinions; newest first, paged like the admins' list.")
    public CatalogueResponses.CaseTypeChangePage listForDpo(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return page(status, limit, cursor);
    }

    @PostMapping(CHANGES + "/{changeId}/approve")
    @Operation(summary = "Approve a pending case-type change",
            description = "An admin other than the proposer (four eyes; else 403 four-eyes). Cases opened once the "
                    + "catalogue read model has applied it, normally within milliseconds, use the new definition.")
    public CatalogueResponses.Decided approve(@PathVariable String changeId, Authentication auth,
                                              HttpServletRequest request) {
        return endpoints.approve(changeId, CaseTypeChangeId::of, ApproveCaseTypeChange::new, auth, request);
    }

    @PostMapping(CHANGES + "/{changeId}/reject")
    @Operation(summary = "Reject a pending case-type change",
            description = "An admin other than the proposer (four eyes), with a reason.")
    public CatalogueResponses.Decided reject(@PathVariable String changeId, @RequestBody RejectionRequest body,
                                             Authentication auth, HttpServletRequest request) {
        return endpoints.reject(changeId, CaseTypeChangeId::of, body, RejectCaseTypeChange::new, auth, request);
    }

    @PostMapping(DPO_CHANGES + "/{changeId}/opinion")
    @Operation(summary = "Attach the DPO's opinion to a case-type change",
            description = "DPO; to a pending or decided change. The latest opinion is shown with the change, every "
                    + "one stays in the event store.")
    public CatalogueResponses.OpinionAttached opinion(@PathVariable String changeId, @RequestBody OpinionRequest body,
                                                      Authentication auth, HttpServletRequest request) {
        return endpoints.opinion(changeId, CaseTypeChangeId::of, body, AttachCaseTypeChangeOpinion::new, auth, request);
    }

    private CatalogueResponses.CaseTypeChangePage page(String status, String limit, String cursor) {
        return ChangeEndpoints.page(status, limit, cursor, changes::changes,
                CaseTypeCatalogueProjection.ChangeRow::position,
                (rows, next) -> new CatalogueResponses.CaseTypeChangePage(
                        rows.stream().map(CatalogueResponses.CaseTypeChangeView::of).toList(), next));
    }
}
