package de.eakte.api.retention;

import de.eakte.api.web.Commands;
import de.eakte.api.web.HttpEdgeFilter;
import de.eakte.api.web.NotFoundException;
import de.eakte.api.web.Requests;
import de.eakte.core.retention.ApproveDisposalList;
import de.eakte.core.retention.ConfirmDisposalList;
import de.eakte.core.retention.DisposalListId;
import de.eakte.core.retention.DisposalListStatus;
import de.eakte.core.retention.DrawUpTrigger;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.DomainRuleViolation;
import de.eakte.core.shared.InvalidValueException;
import de.eakte.core.shared.Role;
import de.eakte.projections.retention.DisposalListProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Disposal lists for records management (role admin; the filter chain admits only admins under
 * /api/admin). One admin confirms a list, another approves it; approval carries it out.
 */
@RestController
@RequestMapping(DisposalListController.PATH)
@Tag(name = "retention", description = "Retention and disposal (Aussonderung): disposal lists, four eyes")
@SecurityRequirement(name = "bearer")
public class DisposalListController {

    static final String PATH = "/api/admin/disposal-lists";
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;
    private static final Pattern CURSOR = Pattern.compile("[0-9]{1,18}");

    private final DisposalLists lists;
    private final DisposalListProjection view;
    private final Commands commands;

    public DisposalListController(DisposalLists lists, DisposalListProjection view, Commands commands) {
        this.lists = lists;
        this.view = view;
        this.commands = commands;
    }

    @PostMapping
    @Operation(summary = "Draw up a disposal list now",
            description = "Admin. Takes the closed cases whose retention ended before today, not under a legal hold, "
                    + "not disposed of and not on another list. 201 with the list; 200 with listId null and no cases "
                    + "when nothing is due. Nothing is disposed of until the list is confirmed and approved.")
    public ResponseEntity<DisposalListResponses.DrawnUp> drawUp(Authentication auth, HttpServletRequest request) {
        Actor actor = admin(auth);
        return lists.drawUp(actor, DrawUpTrigger.REQUEST, HttpEdgeFilter.correlationId(request))
                .map(d -> ResponseEntity.status(HttpStatus.CREATED).location(URI.create(PATH + "/" + d.listId()))
                        .body(new DisposalListResponses.DrawnUp(d.listId().toString(),
                                d.cases().stream().map(DisposalListResponses.CaseLine::of).toList())))
                .orElseGet(() -> ResponseEntity.ok(new DisposalListResponses.DrawnUp(null, List.of())));
    }

    @GetMapping
    @Operation(summary = "List disposal lists",
            description = "Admin. Newest first, optionally of one status (DRAWN_UP, CONFIRMED, APPROVED); pages with "
                    + "limit (1-100, default 20) and the previous page's nextCursor.")
    public DisposalListResponses.ListPage list(@RequestParam(required = false) String status,
                                               @RequestParam(required = false) String limit,
                                               @RequestParam(required = false) String cursor) {
        DisposalListStatus wanted = Requests.enumValue("status", DisposalListStatus.class, status);
        int size = limit(limit);
        List<DisposalListProjection.ListRow> rows = view.lists(wanted, cursor(cursor), size + 1);
        boolean more = rows.size() > size;
        List<DisposalListProjection.ListRow> shown = more ? rows.subList(0, size) : rows;
        return new DisposalListResponses.ListPage(shown.stream().map(DisposalListResponses.ListSummary::of).toList(),
                more ? Long.toString(shown.get(shown.size() - 1).position()) : null);
    }

    @GetMapping("/{listId}")
    @Operation(summary = "Read a disposal list with its cases and, once approved, their outcomes", description = "Admin.")
    public DisposalListResponses.ListDetail read(@PathVariable String listId) {
        DisposalListId id = DisposalListId.of(listId);
        return view.list(id)
                .map(l -> new DisposalListResponses.ListDetail(DisposalListResponses.ListSummary.of(l),
                        view.cases(id).stream().map(DisposalListResponses.CaseLine::of).toList()))
                .orElseThrow(() -> new NotFoundException("No disposal list " + listId));
    }

    @PostMapping("/{listId}/confirm")
    @Operation(summary = "Confirm a drawn-up disposal list (first pair of eyes)", description = "Admin.")
    public DisposalListResponses.Decided confirm(@PathVariable String listId, Authentication auth,
                                                 HttpServletRequest request) {
        Actor actor = admin(auth);
        DisposalListId id = DisposalListId.of(listId);
        DisposalListStatus status = commands.send(new ConfirmDisposalList(id, actor), actor,
                HttpEdgeFilter.correlationId(request));
        return new DisposalListResponses.Decided(id.toString(), status.name());
    }

    @PostMapping("/{listId}/approve")
    @Operation(summary = "Approve a confirmed disposal list and carry it out",
            description = "Admin other than the one who confirmed it (else 403 with rule four-eyes). Per case: skipped "
                    + "if under a legal hold now; V destroys the case's data key (its subject, entries and document "
                    + "titles become unreadable for good); B puts it on the appraisal list for the archive; A marks it "
                    + "for transfer to the archive.")
    public DisposalListResponses.Decided approve(@PathVariable String listId, Authentication auth,
                                                 HttpServletRequest request) {
        Actor actor = admin(auth);
        DisposalListId id = DisposalListId.of(listId);
        DisposalListStatus status = commands.send(new ApproveDisposalList(id, actor), actor,
                HttpEdgeFilter.correlationId(request));
        return new DisposalListResponses.Decided(id.toString(), status.name());
    }

    /** The filter chain has checked the role; this keeps the actor's role what the token says. */
    private static Actor admin(Authentication auth) {
        boolean admin = auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + Role.ADMIN.claimValue()).equals(a.getAuthority()));
        if (!admin || !(auth instanceof JwtAuthenticationToken jwt)) {
            throw DomainRuleViolation.forbidden("admin-only", "disposal lists are kept by records management (admin)");
        }
        return new Actor(Role.ADMIN, jwt.getToken().getSubject(), null);
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through to the same answer as an out-of-range number
        }
        throw new InvalidValueException("limit", "range", "limit must be a number from 1 to " + MAX_LIMIT);
    }

    private static Long cursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        if (!CURSOR.matcher(cursor.strip()).matches()) {
            throw new InvalidValueException("cursor", "cursor", "cursor must be the nextCursor of an earlier page");
        }
        return Long.parseLong(cursor.strip());
    }
}
