package de.eakte.audit.ledger.tree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Roots and proofs of RFC 9162 §2.1, computed from stored perfect subtrees only. Each method first
 * works out, from the sizes alone, which subtree hashes the RFC's recursion asks for, then reads
 * all of their perfect parts in one {@link NodeSource#read} of O(log n) addresses, and folds them.
 * The output is byte for byte what the RFC's definitions give over the full list of leaves.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    /** MTH(D[size]), RFC 9162 §2.1.1; the empty-string hash for size 0 (no read). */
    public static byte[] root(long size, NodeSource source) {
        if (size < 0) {
            throw new IllegalArgumentException("tree size must not be negative, was " + size);
        }
        if (size == 0) {
            return MerkleHashes.emptyRoot();
        }
        return hashes(List.of(new long[] {0, size}), source).get(0);
    }

    /**
     * PATH(m, D[n]) of RFC 9162 §2.1.3.1: the sibling hashes from the leaf up to the root, in the
     * order a verifier consumes them.
     */
    public static List<byte[]> inclusion(long leafIndex, long treeSize, NodeSource source) {
        if (treeSize <= 0) {
            throw new IllegalArgumentException("tree size must be at least 1 for an inclusion proof, was " + treeSize);
        }
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf index " + leafIndex + " is not in a tree of size " + treeSize
                    + " (must be 0.." + (treeSize - 1) + ")");
        }
        // Walk down from the root; each step's sibling comes after everything below it.
        List<long[]> siblings = new ArrayList<>();
        long lo = 0;
        long hi = treeSize;
        long m = leafIndex;
        while (hi - lo > 1) {
            long k = Subtrees.split(hi - lo);
            if (m < k) {
                siblings.add(new long[] {lo + k, hi});   // PATH(m, D[0:k]) : MTH(D[k:n])
                hi = lo + k;
            } else {
                siblings.add(new long[] {lo, lo + k});   // PATH(m - k, D[k:n]) : MTH(D[0:k])
                lo += k;
                m -= k;
            }
        }
        Collections.reverse(siblings);
        return hashes(siblings, source);
    }

    /**
     * PROOF(m, D[n]) of RFC 9162 §2.1.4.1. {@code fromSize} must be at least 1: the RFC defines
     * proofs for 0 < m <= n (every tree is trivially consistent with the empty one). For m = n the
     * proof is empty and nothing is read.
     */
    public static List<byte[]> consistency(long fromSize, long toSize, NodeSource source) {
        if (fromSize <= 0) {
            throw new IllegalArgumentException("consistency proofs start from a tree of at least 1 leaf (RFC 9162 §2.1.4), "
                    + "fromSize was " + fromSize);
        }
        if (fromSize > toSize) {
            throw new IllegalArgumentException("fromSize " + fromSize + " is larger than toSize " + toSize
                    + ": a tree does not shrink");
        }
        // SUBPROOF(m, D[n], b), walked down from the root; the base element comes first.
        List<long[]> siblings = new ArrayList<>();
        long[] base = null;
        long lo = 0;
        long hi = toSize;
        long m = fromSize;
        boolean complete = true;
        while (true) {
            long n = hi - lo;
            if (m == n) {
                if (!complete) {
                    base = new long[] {lo, hi};         // SUBPROOF(m, D[m], false) = {MTH(D[m])}
                }
                break;                                  // SUBPROOF(m, D[m], true) = {}
            }
            long k = Subtrees.split(n);
            if (m <= k) {
                siblings.add(new long[] {lo + k, hi});  // SUBPROOF(m, D[0:k], b) : MTH(D[k:n])
                hi = lo + k;
            } else {
                siblings.add(new long[] {lo, lo + k});  // SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k])
                lo += k;
                m -= k;
                complete = false;
            }
        }
        List<long[]> ranges = new ArrayList<>(siblings.size() + 1);
        if (base != null) {
            ranges.add(base);
        }
        Collections.reverse(siblings);
        ranges.addAll(siblings);
        return hashes(ranges, source);
    }

    /** The MTH of each range, from one batch read of all their perfect parts. */
    private static List<byte[]> hashes(List<long[]> ranges, NodeSource source) {
        if (ranges.isEmpty()) {
            return new ArrayList<>();
        }
        List<List<NodeAddress>> parts = new ArrayList<>(ranges.size());
        Set<NodeAddress> all = new LinkedHashSet<>();
        for (long[] range : ranges) {
            List<NodeAddress> nodes = Subtrees.perfectNodes(range[0], range[1]);
            parts.add(nodes);
            all.addAll(nodes);
        }
        Map<NodeAddress, byte[]> stored = Subtrees.readAll(source, List.copyOf(all));
        List<byte[]> result = new ArrayList<>(ranges.size());
        for (List<NodeAddress> nodes : parts) {
            List<byte[]> hashes = new ArrayList<>(nodes.size());
            for (NodeAddress address : nodes) {
                hashes.add(stored.get(address).clone());
            }
            result.add(Subtrees.foldFromRight(hashes));
        }
        return result;
    }
}
