package de.eakte.audit.ledger.tree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The appender's state: the perfect subtrees along the right edge of the tree, one per set bit of
 * the size, so O(log n) memory however long the ledger grows. Appending a leaf returns every
 * subtree that it completes, so the store ends up holding all perfect nodes, which is all that
 * {@link MerkleProofs} needs. Not thread-safe: the ledger has one appender.
 */
public final class MerkleFrontier {

    /** Left to right; levels strictly decreasing (they are the binary digits of the size). */
    private final List<StoredNode> edge;
    private long size;

    private MerkleFrontier(List<StoredNode> edge, long size) {
        this.edge = edge;
        this.size = size;
    }

    public static MerkleFrontier empty() {
        return new MerkleFrontier(new ArrayList<>(), 0);
    }

    /**
     * The perfect subtrees along the right edge of a tree of {@code size} leaves, left to right:
     * one per set bit of the size, at most log2(size) + 1.
     */
    public static List<NodeAddress> needed(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("tree size must not be negative, was " + size);
        }
        return Subtrees.perfectNodes(0, size);
    }

    /** The frontier of a stored tree of {@code size} leaves, from one batch read of {@link #needed}. */
    public static MerkleFrontier restore(long size, NodeSource source) {
        List<NodeAddress> addresses = needed(size);
        List<StoredNode> edge = new ArrayList<>(addresses.size() + 1);
        if (!addresses.isEmpty()) {
            Map<NodeAddress, byte[]> hashes = Subtrees.readAll(source, addresses);
            for (NodeAddress address : addresses) {
                edge.add(new StoredNode(address, hashes.get(address)));
            }
        }
        return new MerkleFrontier(edge, size);
    }

    /**
     * Appends one leaf hash (RFC 9162 §2.1.1: SHA-256(0x00 || input)) and returns the nodes it
     * completes, lowest first: the leaf itself at level 0, then each parent whose right subtree it
     * just filled.
     */
    public List<StoredNode> append(byte[] leafHash) {
        MerkleHashes.checkHash(leafHash, "leaf hash");
        if (size == Long.MAX_VALUE) {
            throw new IllegalStateException("ledger is full");
        }
        List<StoredNode> completed = new ArrayList<>(2);
        StoredNode node = new StoredNode(new NodeAddress(0, size), leafHash);
        completed.add(node);
        // two neighbours of equal level are the two halves of a now perfect parent
        while (!edge.isEmpty() && edge.get(edge.size() - 1).address().level() == node.address().level()) {
            StoredNode left = edge.remove(edge.size() - 1);
            NodeAddress parent = new NodeAddress(left.address().level() + 1, left.address().index() / 2);
            node = new StoredNode(parent, MerkleHashes.node(left.hash(), node.hash()));
            completed.add(node);
        }
        edge.add(node);
        size++;
        return completed;
    }

    public long size() {
        return size;
    }

    /** RFC 9162 MTH of the tree so far; the empty-string hash for an empty tree. */
    public byte[] root() {
        if (edge.isEmpty()) {
            return MerkleHashes.emptyRoot();
        }
        List<byte[]> hashes = new ArrayList<>(edge.size());
        for (StoredNode node : edge) {
            hashes.add(node.hash());
        }
        return Subtrees.foldFromRight(hashes);
    }

    /** The right-edge subtrees this frontier holds, left to right (the addresses of {@link #needed}). */
    public List<StoredNode> edge() {
        return Collections.unmodifiableList(new ArrayList<>(edge));
    }
}
