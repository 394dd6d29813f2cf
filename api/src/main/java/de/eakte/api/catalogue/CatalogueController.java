package de.eakte.api.catalogue;

import de.eakte.api.catalogue.CatalogueRequests.OpinionRequest;
import de.eakte.api.catalogue.CatalogueRequests.PurposeChangeRequest;
import de.eakte.api.catalogue.CatalogueRequests.RejectionRequest;
import de.eakte.api.web.Commands;
import de.eakte.api.web.IdempotencyStore;
import de.eakte.api.web.NotFoundException;
import de.eakte.api.web.Requests;
import de.eakte.core.access.policy.Purpose;
import de.eakte.core.access.policy.PurposeCode;
import de.eakte.core.catalogue.changes.ApprovePurposeChange;
import de.eakte.core.catalogue.changes.AttachDpoOpinion;
import de.eakte.core.catalogue.changes.ProposePurposeChange;
import de.eakte.core.catalogue.changes.PurposeChangeId;
import de.eakte.core.catalogue.changes.PurposeChangeKind;
import de.eakte.core.catalogue.changes.RejectPurposeChange;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.OfficeCode;
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

import java.util.List;
import java.util.function.Function;

/**
 * The catalogue: the reference data in force for every caller; purpose changes proposed by an
 * admin, approved or rejected by another admin (four eyes), with the DPO's opinion attached. Case
 * type and office changes, decided the same way, are in {@link CaseTypeChangeController} and
 * {@link OfficeChangeController}.
 */
@RestController
@Tag(name = "catalogue", description = "Offices, case types and purposes in force; four-eyes catalogue changes")
@SecurityRequirement(name = "bearer")
public class CatalogueController {

    static final String CHANGES = "/api/admin/catalogue/purpose-changes";
    static final String DPO_CHANGES = "/api/dpo/catalogue/purpose-changes";

    private final ChangeEndpoints endpoints;
    private final JdbcOfficeDirectory offices;
    private final JdbcCaseTypeDirectory caseTypes;
    private final JdbcPurposeDirectory purposes;
    private final PurposeCatalogueProjection changes;

    public CatalogueController(Commands commands, IdempotencyStore idempotency, JdbcOfficeDirectory offices,
                               JdbcCaseTypeDirectory caseTypes, JdbcPurposeDirectory purposes,
                               PurposeCatalogueProjection changes, JsonMapper json) {
        this.endpoints = new ChangeEndpoints(commands, idempotency, json, CHANGES);
        this.offices = offices;
        this.caseTypes = caseTypes;
        this.purposes = purposes;
        this.changes = changes;
    }

    @GetMapping("/api/catalogue")
    @Operation(summary = "Read the catalogue in force",
            description = "The offices, case types and every office's purposes in force: the seeded defaults with "
                    + "the approved changes applied. Any authenticated caller.")
    public CatalogueResponses.CatalogueView catalogue() {
        List<JdbcOfficeDirectory.InForce> inForce = offices.inForce();
        return new CatalogueResponses.CatalogueView(
                inForce.stream().map(CatalogueResponses.OfficeView::of).toList(),
                caseTypes.inForce().stream().map(CatalogueResponses.CaseTypeView::of).toList(),
                inForce.stream().flatMap(o -> purposes.inForce(o.office().code()).stream())
                        .map(CatalogueResponses.PurposeView::of).toList());
    }

    @PostMapping(CHANGES)
    @Operation(summary = "Propose a purpose change",
            description = "Admin. PUT adds or replaces a purpose of an office, WITHDRAW takes one out of force; "
                    + "in force only once another admin approved it. Accepts Idempotency-Key.")
    public ResponseEntity<CatalogueResponses.Created> propose(
            @RequestBody PurposeChangeRequest body,
            @Parameter(description = "makes retries safe; a UUID") @RequestHeader(value = IdempotencyStore.HEADER, required = false) String key,
            Authentication auth, HttpServletRequest request) {
        Actor actor = CatalogueCallers.actingAs(Role.ADMIN, auth);
        Function<PurposeChangeId, ProposePurposeChange> proposal = proposal(Requests.required("body", body), actor);
        return endpoints.propose(key, actor, body, PurposeChangeId::random, proposal, request);
    }

    @GetMapping(CHANGES)
    @Operation(summary = "List purpose changes (admin)",
            description = "Newest first, optionally of one status (PENDING to find what awaits a second admin); "
                    + "pages with limit and the cursor of the previous page.")
    public CatalogueResponses.ChangePage listForAdmins(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return page(status, limit, cursor);
    }

    @GetMapping(CHANGES + "/{changeId}")
    @Operation(summary = "Read a purpose change (admin)")
    public CatalogueResponses.ChangeView readForAdmins(@PathVariable String changeId) {
        return one(changeId);
    }

    @GetMapping(DPO_CHANGES)
    @Operation(summary = "List purpose changes (DPO)",
            description = "As admins see them, with the DPO's opinions; newest first, paged like the admins' list.")
    public CatalogueResponses.ChangePage listForDpo(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return page(status, limit, cursor);
    }

    @PostMapping(CHANGES + "/{changeId}/approve")
    @Operation(summary = "Approve a pending purpose change",
            description = "An admin other than the proposer (four eyes; else 403 four-eyes). The change is in force "
                    + "as soon as the catalogue read model has applied it, normally within milliseconds.")
    public CatalogueResponses.Decided approve(@PathVariable String changeId, Authentication auth,
                                              HttpServletRequest request) {
        return endpoints.approve(changeId, PurposeChangeId::of, ApprovePurposeChange::new, auth, request);
    }

    @PostMapping(CHANGES + "/{changeId}/reject")
    @Operation(summary = "Reject a pending purpose change",
            description = "An admin other than the proposer (four eyes), with a reason.")
    public CatalogueResponses.Decided reject(@PathVariable String changeId, @RequestBody RejectionRequest body,
                                             Authentication auth, HttpServletRequest request) {
        return endpoints.reject(changeId, PurposeChangeId::of, body, RejectPurposeChange::new, auth, request);
    }

    @PostMapping(DPO_CHANGES + "/{changeId}/opinion")
    @Operation(summary = "Attach the DPO's opinion to a purpose change",
            description = "DPO; to a pending or decided change. The latest opinion is shown with the change, every "
                    + "one stays in the event store.")
    public CatalogueResponses.OpinionAttached opinion(@PathVariable String changeId, @RequestBody OpinionRequest body,
                                                      Authentication auth, HttpServletRequest request) {
        return endpoints.opinion(changeId, PurposeChangeId::of, body, AttachDpoOpinion::new, auth, request);
    }

    /** Checks the body before anything is stored; the change id is drawn only once the key is claimed. */
    private static Function<PurposeChangeId, ProposePurposeChange> proposal(PurposeChangeRequest body, Actor actor) {
        if (body.toKind() == PurposeChangeKind.PUT) {
            Purpose purpose = body.toPurpose();
            return id -> ProposePurposeChange.put(id, purpose, body.reason(), actor);
        }
        body.requireNoDefinition();
        OfficeCode office = body.toOffice();
        PurposeCode code = body.toCode();
        return id -> ProposePurposeChange.withdraw(id, office, code, body.reason(), actor);
    }

    private CatalogueResponses.ChangePage page(String status, String limit, String cursor) {
        return ChangeEndpoints.page(status, limit, cursor, changes::changes,
                PurposeCatalogueProjection.ChangeRow::position,
                (rows, next) -> new CatalogueResponses.ChangePage(
                        rows.stream().map(CatalogueResponses.ChangeView::of).toList(), next));
    }

    private CatalogueResponses.ChangeView one(String changeId) {
        return changes.change(PurposeChangeId.of(changeId)).map(CatalogueResponses.ChangeView::of)
                .orElseThrow(() -> new NotFoundException("No purpose change " + changeId));
    }
}
