package de.eakte.audit.ledger.verify;

/**
 * One thing the verifier found wrong. {@code leafIndex} and {@code checkpointSize} are null where
 * they do not apply.
 */
public record Finding(Kind kind, Long leafIndex, Long checkpointSize, String message) {

    public enum Kind {
        /** A leaf index is missing from the ledger's own table. */
        LEAF_MISSING,
        /** The event a leaf records is no longer in the event table. */
        EVENT_DELETED,
        /** Another event sits where a leaf's event was: events were swapped or replaced. */
        EVENT_REORDERED,
        /** The event is there but its stored bytes no longer hash to its leaf. */
        EVENT_ALTERED,
        /** An event older than the ledger's head has no leaf: inserted after the fact. */
        EVENT_INSERTED,
        /** A stored tree node differs from the one recomputed from the events. */
        NODE_ALTERED,
        /** A stored checkpoint's root differs from the root recomputed from the events. */
        CHECKPOINT_ROOT,
        /** A stored checkpoint's signature does not verify with any published key. */
        CHECKPOINT_SIGNATURE,
        /** A checkpoint kept outside disagrees with the events, or was never signed by a published key. */
        TRUSTED_CHECKPOINT
    }

    public static Finding leaf(Kind kind, long leafIndex, String message) {
        return new Finding(kind, leafIndex, null, message);
    }

    public static Finding checkpoint(Kind kind, long size, String message) {
        return new Finding(kind, null, size, message);
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
