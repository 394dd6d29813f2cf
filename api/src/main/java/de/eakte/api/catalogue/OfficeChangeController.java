package de.eakte.api.catalogue;

import de.eakte.api.catalogue.CatalogueRequests.OpinionRequest;
import de.eakte.api.catalogue.CatalogueRequests.RejectionRequest;
import de.eakte.api.web.Commands;
import de.eakte.api.web.IdempotencyStore;
import de.eakte.api.web.NotFoundException;
import de.eakte.api.web.Requests;
import de.eakte.core.catalogue.changes.ApproveOfficeChange;
import de.eakte.core.catalogue.changes.AttachOfficeChangeOpinion;
import de.eakte.core.catalogue.changes.OfficeChangeId;
import de.eakte.core.catalogue.changes.RejectOfficeChange;
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
 * Office changes: proposed by an admin, approved or rejected by another admin (four eyes), with
 * the DPO's opinion attached; in force, for new case types and purposes, once approved. Next to
 * the case-type changes of {@link CaseTypeChangeController}, paged the same way.
 */
@RestController
@Tag(name = "catalogue")
@SecurityRequirement(name = "bearer")
public class OfficeChangeController {

    static final String CHANGES = "/api/admin/catalogue/office-changes";
    static final String DPO_CHANGES = "/api/dpo/catalogue/office-changes";

    private final ChangeEndpoints endpoints;
    private final OfficeCatalogueProjection changes;

    public OfficeChangeController(Commands commands, IdempotencyStore idempotency, OfficeCatalogueProjection changes,
                                  JsonMapper json) {
        this.endpoints = new ChangeEndpoints(commands, idempotency, json, CHANGES);
        this.changes = changes;
    }

    @PostMapping(CHANGES)
    @Operation(summary = "Propose an office change",
            description = "Admin. ADD brings in an office under a new number, RENAME renames one in force; in force "
                    + "only once another admin approved it. Accepts Idempotency-Key.")
    public ResponseEntity<CatalogueResponses.Created> propose(
            @RequestBody OfficeChangeRequest body,
            @Parameter(description = "makes retries safe; a UUID") @RequestHeader(value = IdempotencyStore.HEADER, required = false) String key,
            Authentication auth, HttpServletRequest request) {
        Actor actor = CatalogueCallers.actingAs(Role.ADMIN, auth);
        OfficeChangeRequest checked = Requests.required("body", body);
        // parse before the key is claimed, so a malformed body stores nothing
        checked.toCommand(OfficeChangeId.random(), actor);
        return endpoints.propose(key, actor, body, OfficeChangeId::random, id -> checked.toCommand(id, actor), request);
    }

    @GetMapping(CHANGES)
    @Operation(summary = "List office changes (admin)",
            description = "Newest first, optionally of one status; pages with limit and the previous page's cursor.")
    public CatalogueResponses.OfficeChangePage listForAdmins(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return page(status, limit, cursor);
    }

    @GetMapping(CHANGES + "/{changeId}")
    @Operation(summary = "Read an office change (admin)")
    public CatalogueResponses.OfficeChangeView readForAdmins(@PathVariable String changeId) {
        return changes.change(OfficeChangeId.of(changeId)).map(CatalogueResponses.OfficeChangeView::of)
                .orElseThrow(() -> new NotFoundException("No office change " + changeId));
    }

    @GetMapping(DPO_CHANGES)
    @Operation(summary = "List office changes (DPO)",
            description = "As admins see them, with the DPO's opinions; newest first, paged like the admins' list.")
    public CatalogueResponses.OfficeChangePage listForDpo(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return page(status, limit, cursor);
    }

    @PostMapping(CHANGES + "/{changeId}/approve")
    @Operation(summary = "Approve a pending office change",
            description = "An admin other than the proposer (four eyes; else 403 four-eyes). Case types and purposes "
                    + "of the office can be proposed once the catalogue read model has applied it.")
    public CatalogueResponses.Decided approve(@PathVariable String changeId, Authentication auth,
                                              HttpServletRequest request) {
        return endpoints.approve(changeId, OfficeChangeId::of, ApproveOfficeChange::new, auth, request);
    }

    @PostMapping(CHANGES + "/{changeId}/reject")
    @Operation(summary = "Reject a pending office change",
            description = "An admin other than the proposer (four eyes), with a reason.")
    public CatalogueResponses.Decided reject(@PathVariable String changeId, @RequestBody RejectionRequest body,
                                             Authentication auth, HttpServletRequest request) {
        return endpoints.reject(changeId, OfficeChangeId::of, body, RejectOfficeChange::new, auth, request);
    }

    @PostMapping(DPO_CHANGES + "/{changeId}/opinion")
    @Operation(summary = "Attach the DPO's opinion to an office change",
            description = "DPO; to a pending or decided change. The latest opinion is shown with the change, every "
                    + "one stays in the event store.")
    public CatalogueResponses.OpinionAttached opinion(@PathVariable String changeId, @RequestBody OpinionRequest body,
                                                      Authentication auth, HttpServletRequest request) {
        return endpoints.opinion(changeId, OfficeChangeId::of, body, AttachOfficeChangeOpinion::new, auth, request);
    }

    private CatalogueResponses.OfficeChangePage page(String status, String limit, String cursor) {
        return ChangeEndpoints.page(status, limit, cursor, changes::changes,
                OfficeCatalogueProjection.ChangeRow::position,
                (rows, next) -> new CatalogueResponses.OfficeChangePage(
                        rows.stream().map(CatalogueResponses.OfficeChangeView::of).toList(), next));
    }
}
