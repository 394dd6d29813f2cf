package de.eakte.api.ledger;

import de.eakte.api.web.NotFoundException;
import de.eakte.audit.ledger.store.JdbcLedger;
import de.eakte.audit.ledger.tree.MerkleProofs;
import de.eakte.core.shared.InvalidValueException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The ledger's public face (RFC 9162 §2.1, C2SP tlog-checkpoint): signed checkpoints, the keys
 * that signed them, inclusion and consistency proofs. Hashes are base64. Checkpoints and keys are
 * public so anyone can keep copies outside; proofs need a token of any role.
 */
@RestController
@RequestMapping("/api/ledger")
@Tag(name = "ledger", description = "Verifiable ledger: checkpoints, proofs, keys")
public class LedgerController {

    private final JdbcLedger ledger;

    public LedgerController(JdbcLedger ledger) {
        this.ledger = ledger;
    }

    public record CheckpointResponse(long treeSize, String rootHash, Instant time, String keyHash, String note) {
        static CheckpointResponse of(JdbcLedger.StoredCheckpoint c) {
            return new CheckpointResponse(c.treeSize(), b64(c.rootHash()), c.signedAt(), c.keyHash(), c.note());
        }
    }

    public record InclusionProof(long leafIndex, long treeSize, String eventIdentifier, String leafHash,
                                 List<String> inclusionPath, String checkpoint) {
    }

    public record ConsistencyProof(long from, long to, List<String> consistencyPath) {
    }

    @GetMapping(value = "/checkpoint", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "The latest signed checkpoint",
            description = "Tree size, root hash and time in the C2SP tlog-checkpoint form, signed with Ed25519 "
                    + "(`note`). With `Accept: text/plain` the signed note alone. Keep copies: "
                    + "`ledger verify --trusted` checks the store against them.")
    public ResponseEntity<?> latest(@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        JdbcLedger.StoredCheckpoint checkpoint = ledger.latestCheckpoint()
                .orElseThrow(() -> new NotFoundException("The ledger has no checkpoint yet."));
        return respond(checkpoint, accept);
    }

    @GetMapping(value = "/checkpoint/{size}", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "The signed checkpoint at a tree size")
    public ResponseEntity<?> atSize(@PathVariable String size,
                                    @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        long treeSize = number("size", size, 1);
        JdbcLedger.StoredCheckpoint checkpoint = ledger.checkpoint(treeSize)
                .orElseThrow(() -> new NotFoundException("No checkpoint was signed at tree size " + treeSize + "."));
        return respond(checkpoint, accept);
    }

    /** The signed note as text where the caller asks for text only; JSON otherwise. */
    private static ResponseEntity<?> respond(JdbcLedger.StoredCheckpoint checkpoint, String accept) {
        if (accept != null && accept.contains(MediaType.TEXT_PLAIN_VALUE) && !accept.contains("json")) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(checkpoint.note());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(CheckpointResponse.of(checkpoint));
    }

    @GetMapping("/proof/inclusion")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Inclusion proof of a leaf (RFC 9162 §2.1.3)",
            description = "Name the leaf by `leaf` (index) or by `event` (the event identifier). `size` defaults "
                    + "to the latest checkpoint's; the checkpoint at that size is included when one was signed.")
    public InclusionProof inclusion(@Parameter(description = "leaf index") @RequestParam(required = false) String leaf,
                                    @Parameter(description = "event identifier") @RequestParam(required = false) String event,
                                    @Parameter(description = "tree size") @RequestParam(required = false) String size) {
        if ((leaf == null) == (event == null)) {
            throw new InvalidValueException(leaf == null ? "leaf" : "event", "one-of",
                    "name the leaf either by leaf (its index) or by event (its identifier), not both or neither");
        }
        JdbcLedger.Leaf found = leaf != null
                ? ledger.leaf(number("leaf", leaf, 0))
                .orElseThrow(() -> new NotFoundException("The ledger has no leaf " + leaf + " yet."))
                : ledger.leafOfEvent(event)
                .orElseThrow(() -> new NotFoundException("No leaf holds event " + event + " (yet)."));
        long treeSize = treeSize(size);
        if (found.leafIndex() >= treeSize) {
            throw new InvalidValueException("size", "leaf-in-tree", "size must be greater than the leaf index "
                    + found.leafIndex());
        }
        List<String> path = MerkleProofs.inclusion(found.leafIndex(), treeSize, ledger).stream()
                .map(LedgerController::b64).toList();
        String note = ledger.checkpoint(treeSize).map(JdbcLedger.StoredCheckpoint::note).orElse(null);
        return new InclusionProof(found.leafIndex(), treeSize, found.eventIdentifier(), b64(found.leafHash()), path, note);
    }

    @GetMapping("/proof/consistency")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Consistency proof between two tree sizes (RFC 9162 §2.1.4)",
            description = "Proves that the tree at `to` extends the tree at `from` without changing it.")
    public ConsistencyProof consistency(@RequestParam String from, @RequestParam String to) {
        long first = number("from", from, 1);
        long second = number("to", to, 1);
        if (first > second) {
            throw new InvalidValueException("from", "from-not-after-to", "from must not be greater than to");
        }
        long size = ledger.head().treeSize();
        if (second > size) {
            throw new InvalidValueException("to", "within-tree", "to must not exceed the tree size " + size);
        }
        return new ConsistencyProof(first, second, MerkleProofs.consistency(first, second, ledger).stream()
                .map(LedgerController::b64).toList());
    }

    @GetMapping("/keys")
    @Operation(summary = "Every key that signed checkpoints, also retired ones",
            description = "`verifierKey` is the C2SP signed-note verifier key; `publicKey` the SPKI PEM.")
    public List<JdbcLedger.PublishedKey> keys() {
        return ledger.keys();
    }

    private long treeSize(String size) {
        if (size != null) {
            long treeSize = number("size", size, 1);
            long current = ledger.head().treeSize();
            if (treeSize > current) {
                throw new InvalidValueException("size", "within-tree", "size must not exceed the tree size " + current);
            }
            return treeSize;
        }
        return ledger.latestCheckpoint().map(JdbcLedger.StoredCheckpoint::treeSize)
                .orElseThrow(() -> new NotFoundException("The ledger has no checkpoint yet."));
    }

    private static long number(String field, String value, long min) {
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= min) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // falls through to the problem below
        }
        throw new InvalidValueException(field, "number", field + " must be a whole number >= " + min);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
