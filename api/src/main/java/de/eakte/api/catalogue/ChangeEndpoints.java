package de.eakte.api.catalogue;

import de.eakte.api.catalogue.CatalogueRequests.OpinionRequest;
import de.eakte.api.catalogue.CatalogueRequests.RejectionRequest;
import de.eakte.api.web.Commands;
import de.eakte.api.web.HttpEdgeFilter;
import de.eakte.api.web.IdempotencyStore;
import de.eakte.api.web.Requests;
import de.eakte.core.catalogue.changes.PurposeChangeStatus;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.InvalidValueException;
import de.eakte.core.shared.Role;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

/**
 * The steps the purpose, case-type and office change endpoints share: who acts, the idempotent
 * proposal, the four-eyes decision, the DPO's opinion and the paged list. Each controller keeps
 * its routes, documentation and what its proposal carries.
 */
final class ChangeEndpoints {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;
    private static final Pattern CURSOR = Pattern.compile("[0-9]{1,18}");

    /** A decision or opinion command: the change, a reason or opinion (where one is given), who acts. */
    interface WithText<I> {
        Object command(I changeId, String text, Actor actor);
    }

    /** One page of a change view, as {@code changes(status, before, limit)} of a projection reads it. */
    interface Listing<R> {
        List<R> changes(PurposeChangeStatus status, Long before, int limit);
    }

    private final Commands commands;
    private final IdempotencyStore idempotency;
    private final JsonMapper json;
    private final String path;

    ChangeEndpoints(Commands commands, IdempotencyStore idempotency, JsonMapper json, String path) {
        this.commands = commands;
        this.idempotency = idempotency;
        this.json = json;
        this.path = path;
    }

    /** Sends the proposal once per idempotency key; the change id is drawn only once the key is claimed. */
    <I> ResponseEntity<CatalogueResponses.Created> propose(String key, Actor actor, Object body, Supplier<I> newId,
                                                         Function<I, ?> proposal, HttpServletRequest request) {
        IdempotencyStore.Outcome outcome = idempotency.create(key, actor.subject(), "POST " + path,
                json.writeValueAsBytes(body), () -> {
                    I id = newId.get();
                    commands.send(proposal.apply(id), actor, HttpEdgeFilter.correlationId(request));
                    return id.toString();
                });
        return ResponseEntity.status(outcome.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create(path + "/" + outcome.createdId()))
                .body(new CatalogueResponses.Created(outcome.createdId(), PurposeChangeStatus.PENDING.name()));
    }

    // the role is checked first, then the id, then the body: that decides which error a bad request gets

    <I> CatalogueResponses.Decided approve(String changeId, Function<String, I> parse, BiFunction<I, Actor, ?> approval,
                                           Authentication auth, HttpServletRequest request) {
        Actor actor = CatalogueCallers.actingAs(Role.ADMIN, auth);
        I id = parse.apply(changeId);
        commands.send(approval.apply(id, actor), actor, HttpEdgeFilter.correlationId(request));
        return new CatalogueResponses.Decided(id.toString(), PurposeChangeStatus.APPROVED.name());
    }

    <I> CatalogueResponses.Decided reject(String changeId, Function<String, I> parse, RejectionRequest body,
                                          WithText<I> rejection, Authentication auth, HttpServletRequest request) {
        Actor actor = CatalogueCallers.actingAs(Role.ADMIN, auth);
        I id = parse.apply(changeId);
        String reason = Requests.required("body", body).reason();
        commands.send(rejection.command(id, reason, actor), actor, HttpEdgeFilter.correlationId(request));
        return new CatalogueResponses.Decided(id.toString(), PurposeChangeStatus.REJECTED.name());
    }

    <I> CatalogueResponses.OpinionAttached opinion(String changeId, Function<String, I> parse, OpinionRequest body,
                                                   WithText<I> attach, Authentication auth,
                                                   HttpServletRequest request) {
        Actor actor = CatalogueCallers.actingAs(Role.DPO, auth);
        I id = parse.apply(changeId);
        String opinion = Requests.required("body", body).opinion();
        commands.send(attach.command(id, opinion, actor), actor, HttpEdgeFilter.correlationId(request));
        return new CatalogueResponses.OpinionAttached(id.toString());
    }

    /**
     * One page of changes, newest first: at most {@code limit} rows, and the position of the last
     * one as the next page's cursor if another page follows.
     */
    static <R, P> P page(String status, String limitText, String cursor, Listing<R> listing,
                         ToLongFunction<R> position, BiFunction<List<R>, String, P> page) {
        PurposeChangeStatus wanted = Requests.enumValue("status", PurposeChangeStatus.class, status);
        int limit = limit(limitText);
        // one more than asked tells whether another page follows
        List<R> rows = listing.changes(wanted, cursor(cursor), limit + 1);
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        return page.apply(shown, more ? Long.toString(position.applyAsLong(shown.get(shown.size() - 1))) : null);
    }

    /** The list position an earlier page's nextCursor names, or null for the first page. */
    static Long cursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        if (!CURSOR.matcher(cursor.strip()).matches()) {
            throw new InvalidValueException("cursor", "cursor", "cursor must be the nextCursor of an earlier page");
        }
        return Long.parseLong(cursor.strip());
    }

    static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw new InvalidValueException("limit", "range", "limit must be a number from 1 to " + MAX_LIMIT);
    }
}
