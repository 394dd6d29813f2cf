package de.eakte.api.accesslog;

import de.eakte.api.security.JwtCallers;
import de.eakte.api.web.Requests;
import de.eakte.audit.log.CitizenAccessLogProjection;
import de.eakte.core.catalogue.Catalogue;
import de.eakte.core.catalogue.Office;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.InvalidValueException;
import de.eakte.core.shared.OfficeCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import de.eakte.api.web.NotFoundException;
import de.eakte.audit.ledger.StoredEvent;
import de.eakte.audit.ledger.store.JdbcLedger;
import de.eakte.audit.ledger.tree.MerkleProofs;
import java.util.Base64;
import java.util.Map;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * The citizen's access log: which office looked at their data, when, for which purpose and on
 * which legal basis, what it saw and whether it was refused or broke the glass, with a reference
 * number to ask the DPO about an entry. The individual staff member and the free-text reason
 * (which may name them) are never shown: the citizen is owed dates and purposes, and employees
 * are not recipients (CJEU C-579/21). The token's citizen claim names the log; no parameter can
 * point elsewhere.
 */
@RestController
@Tag(name = "me", description = "A citizen's own file, with a citizen token")
@SecurityRequirement(name = "bearer")
public class AccessLogController {

    static final int DEFAULT_LIMIT = 20;

    private final CitizenAccessLogProjection log;
    private final Catalogue catalogue;

    private final JdbcLedger ledger;

    public AccessLogController(CitizenAccessLogProjection log, Catalogue catalogue, JdbcLedger ledger) {
        this.log = log;
        this.catalogue = catalogue;
        this.ledger = ledger;
    }

    /**
     * @param leafIndex     the entry's leaf in the ledger; null for the moment until it is appended
     * @param chainSequence the entry's number in this citizen's gap-free chain (0 for the first)
     * @param previousHash  the leaf hash of the citizen's previous entry (base64); null for the first
     * @param attempts      how many denied attempts the entry stands for: 1, or more for a flood of
     *                      denials that was recorded in aggregate from {@code at} to {@code attemptedUntil}
     * @param attemptedUntil the time of the last attempt of such a flood; null for a single access
     */
    public record AccessLogEntry(String referenceNumber, Instant at, String office, String officeName, String purpose,
                                 String legalBasis, List<String> categories, String outcome, boolean breakGlass,
                                 String channel, Long leafIndex, Long chainSequence, String previousHash,
                                 int attempts, Instant attemptedUntil) {
    }

    /**
     * What a citizen's app needs to check one entry without trusting the server: the leaf input
     * (the stored row's canonical bytes, docs/ledger.md; the staff member inside it is sealed), its
     * inclusion proof and the signed checkpoint it leads to.
     */
    public record AccessLogProof(String referenceNumber, long leafIndex, Long chainSequence, String previousHash,
                                 String leafInput, String leafHash, long treeSize, List<String> inclusionPath,
                                 String checkpoint) {
    }

    public record AccessLogPage(List<AccessLogEntry> entries, String nextCursor) {
    }

    /*
     * Reading one's own access log is not itself recorded: every look would add an entry to the
     * log being looked at, and it discloses nothing to anyone but the citizen it is about.
     * EveryReadPassesThePolicyIT allowlists this path for that reason.
     */
    @GetMapping("/api/me/access-log")
    @Operation(summary = "My access log: who looked at my data",
            description = "Newest first. Each entry: time, office, purpose and legal basis, data categories, outcome "
                    + "(GRANTED, DENIED, BREAK_GLASS), a break-glass flag and a reference number to quote to the "
                    + "data-protection officer. The individual staff member is not shown (CJEU C-579/21). Own reads "
                    + "are not listed. Pages with limit (1-100, default 20) and the nextCursor of the previous page. "
                    + "Entries appear within moments of the access.")
    public AccessLogPage accessLog(
            @Parameter(description = "earliest time, inclusive, ISO-8601 UTC such as 2026-11-01T00:00:00Z")
            @RequestParam(required = false) String from,
            @Parameter(description = "latest time, exclusive, ISO-8601 UTC")
            @RequestParam(required = false) String to,
            @Parameter(description = "only accesses by this office, e.g. 33")
            @RequestParam(required = false) String office,
            @Parameter(description = "the nextCursor of the previous page")
            @RequestParam(required = false) String cursor,
            @Parameter(description = "entries per page, 1 to 100, default 20")
            @RequestParam(required = false) String limit,
            Authentication auth) {
        CitizenId citizenId = JwtCallers.caller(auth).citizenClaim();
        CitizenAccessLogProjection.Page page = log.page(citizenId, Requests.instant("from", from),
                Requests.instant("to", to), office == null || office.isBlank() ? null : OfficeCode.of(office.strip()),
                cursor == null || cursor.isBlank() ? null : cursor.strip(), limit(limit));
        Map<String, Long> leaves = ledger.leafIndexes(page.entries().stream()
                .map(CitizenAccessLogProjection.Entry::eventId).toList());
        return new AccessLogPage(page.entries().stream().map(e -> view(e, leaves.get(e.eventId()))).toList(),
                page.nextCursor());
    }

    @GetMapping("/api/me/access-log/{referenceNumber}/proof")
    @Operation(summary = "Proof that one entry of my access log is in the ledger",
            description = "The entry's leaf input (base64 canonical bytes of the stored event, the staff member "
                    + "sealed), its leaf hash, its place in my chain (chainSequence, previousHash), the RFC 9162 "
                    + "inclusion path and the signed checkpoint it leads to. Keep the newest entry and a checkpoint "
                    + "to show that no entry of yours was left out (docs/ledger.md). 404 while the entry is not yet "
                    + "under a signed checkpoint (about a second).")
    public AccessLogProof proof(@PathVariable String referenceNumber, Authentication auth) {
        CitizenId citizenId = JwtCallers.caller(auth).citizenClaim();
        CitizenAccessLogProjection.Entry entry = log.entry(citizenId, referenceNumber)
                .orElseThrow(() -> new NotFoundException("No entry " + referenceNumber + " in your access log."));
        JdbcLedger.Leaf leaf = entry.eventId() == null ? null : ledger.leafOfEvent(entry.eventId()).orElse(null);
        JdbcLedger.StoredCheckpoint checkpoint = ledger.latestCheckpoint().orElse(null);
        if (leaf == null || checkpoint == null || leaf.leafIndex() >= checkpoint.treeSize()) {
            throw new NotFoundException("Entry " + entry.referenceNumber()
                    + " is not yet under a signed checkpoint; ask again in a second.");
        }
        StoredEvent row = ledger.event(leaf.globalIndex())
                .orElseThrow(() -> new NotFoundException("The stored event of entry " + entry.referenceNumber()
                        + " is missing: report this to the data-protection officer."));
        Base64.Encoder b64 = Base64.getEncoder();
        return new AccessLogProof(entry.referenceNumber(), leaf.leafIndex(), entry.chainSequence(), entry.previousHash(),
                b64.encodeToString(row.canonicalBytes()), b64.encodeToString(leaf.leafHash()), checkpoint.treeSize(),
                MerkleProofs.inclusion(leaf.leafIndex(), checkpoint.treeSize(), ledger).stream()
                        .map(b64::encodeToString).toList(), checkpoint.note());
    }

    private AccessLogEntry view(CitizenAccessLogProjection.Entry e, Long leafIndex) {
        return new AccessLogEntry(e.referenceNumber(), e.at(), e.office() == null ? null : e.office().value(),
                officeName(e), e.purpose(), e.legalBasis(), e.categories().stream().map(Enum::name).toList(),
                e.outcome().name(), e.breakGlass(), e.channel().name(), leafIndex, e.chainSequence(), e.previousHash(),
                e.attempts(), e.attemptedUntil());
    }

    /** The office's name; the DPO and administrators act for no office and are named by their function. */
    private String officeName(CitizenAccessLogProjection.Entry e) {
        if (e.office() != null) {
            return catalogue.office(e.office()).map(Office::name).orElse(null);
        }
        return switch (e.actorRole()) {
            case DPO -> "Datenschutzbeauftragte(r)";
            case ADMIN -> "Administration";
            case STAFF, CITIZEN -> null;
        };
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= CitizenAccessLogProjection.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw new InvalidValueException("limit", "range",
                "limit must be a number from 1 to " + CitizenAccessLogProjection.MAX_LIMIT);
    }
}
