package de.eakte.audit.ledger.tree;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The one idea the proofs rest on: every subtree that RFC 9162's recursion (MTH, PATH, SUBPROOF)
 * ever names is a range {@code [lo, hi)} whose start is a multiple of a power of two at least as
 * large as the range (it is cut off by splits at "the largest power of two smaller than n",
 * §2.1.1). Such a range is the concatenation of the perfect subtrees given by the binary digits of
 * its length, largest first, and its MTH is those perfect hashes folded from the right. So any
 * hash a proof needs is made of at most log2(n) + 1 stored perfect nodes.
 */
final class Subtrees {

    private Subtrees() {
    }

    /** The perfect subtrees that make up {@code [lo, hi)}, left to right. */
    static List<NodeAddress> perfectNodes(long lo, long hi) {
        List<NodeAddress> nodes = new ArrayList<>(Long.bitCount(hi - lo));
        long start = lo;
        while (start < hi) {
            long width = Long.highestOneBit(hi - start);
            if (start % width != 0) {
                // cannot happen for the ranges RFC 9162's recursion produces
                throw new IllegalStateException("range [" + lo + ", " + hi + ") is not an RFC 9162 subtree");
            }
            nodes.add(new NodeAddress(Long.numberOfTrailingZeros(width), start / width));
            start += width;
        }
        return nodes;
    }

    /** MTH of a range from the hashes of its perfect subtrees: right-most pairs first (§2.1.1). */
    static byte[] foldFromRight(List<byte[]> hashes) {
        byte[] hash = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            hash = MerkleHashes.node(hashes.get(i), hash);
        }
        return hash;
    }

    /** The largest power of two smaller than {@code n}, for {@code n > 1}: RFC 9162's split point k. */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    /** One batch read; a store that lacks a node it should hold is broken, and we say which node. */
    static Map<NodeAddress, byte[]> readAll(NodeSource source, Collection<NodeAddress> addresses) {
        Map<NodeAddress, byte[]> found = source.read(addresses);
        if (found == null) {
            throw new IllegalStateException("node source answered null for " + addresses.size() + " addresses");
        }
        for (NodeAddress address : addresses) {
            byte[] hash = found.get(address);
            if (hash == null) {
                throw new IllegalStateException("ledger node missing from the store: " + address);
            }
            if (hash.length != MerkleHashes.HASH_LENGTH) {
                throw new IllegalStateException("ledger node " + address + " has " + hash.length + " bytes, not "
                        + MerkleHashes.HASH_LENGTH);
            }
        }
        return found;
    }
}
