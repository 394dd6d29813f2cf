package de.eakte.audit.ledger.tree;

/**
 * A perfect (complete) subtree of the ledger: the one covering leaves
 * {@code [index * 2^level, (index + 1) * 2^level)}. Level 0 is a leaf hash. Only perfect subtrees
 * are ever stored: they never change once their last leaf is appended, whereas the hash of a
 * partial right edge changes with every append and is recomputed from perfect ones.
 */
public record NodeAddress(int level, long index) {

    public NodeAddress {
        // 2^63 leaves is the most a long tree size can count
        if (level < 0 || level > 62) {
            throw new IllegalArgumentException("node level must be 0..62, was " + level);
        }
        if (index < 0 || index > (Long.MAX_VALUE >> level) - 1) {
            throw new IllegalArgumentException("node index " + index + " out of range for level " + level);
        }
    }

    /** The first leaf this subtree covers. */
    public long firstLeaf() {
        return index << level;
    }

    /** One past the last leaf this subtree covers. */
    public long endLeaf() {
        return (index + 1) << level;
    }
}
