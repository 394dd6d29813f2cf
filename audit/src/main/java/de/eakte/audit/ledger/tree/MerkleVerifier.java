package de.eakte.audit.ledger.tree;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The verification algorithms of RFC 9162, step by step as the RFC words them, so that a reader
 * can hold this class next to §2.1.3.2 and §2.1.4.2. Anything malformed (nulls, wrong lengths,
 * impossible sizes, a proof of the wrong length) is a failed verification, never an exception.
 */
public final class MerkleVerifier {

    private MerkleVerifier() {
    }

    /** RFC 9162 §2.1.3.2: is {@code leafHash} the leaf at {@code leafIndex} of the tree with {@code root}? */
    public static boolean inclusion(byte[] leafHash, long leafIndex, long treeSize, List<byte[]> proof, byte[] root) {
        if (!isHash(leafHash) || !isHash(root) || !allHashes(proof)) {
            return false;
        }
        // 1. leaf_index must be inside the tree
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return false;
        }
        // 2. fn = leaf_index, sn = tree_size - 1
        long fn = leafIndex;
        long sn = treeSize - 1;
        // 3. r = hash
        byte[] r = leafHash;
        // 4. for each p in inclusion_path
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;                       // a. proof longer than the path
            }
            if ((fn & 1) == 1 || fn == sn) {        // b. p is a left sibling
                r = MerkleHashes.node(p, r);
                if ((fn & 1) == 0) {
                    // skip the levels where this node has no right sibling (it is the last one)
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {                                // p is a right sibling
                r = MerkleHashes.node(r, p);
            }
            fn >>= 1;                               // c.
            sn >>= 1;
        }
        // 5. the path must have reached the root, and the root must match
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * RFC 9162 §2.1.4.2: is the tree of {@code size2} leaves with {@code root2} an append-only
     * extension of the tree of {@code size1} leaves with {@code root1}? Equal sizes are consistent
     * exactly when the roots are equal and the proof is empty. Size 0 (the empty tree, for which
     * the RFC defines no proof) is consistent with anything when root1 is the empty-string hash
     * and the proof is empty.
     */
    public static boolean consistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        if (!isHash(root1) || !isHash(root2) || !allHashes(proof)) {
            return false;
        }
        if (size1 < 0 || size2 < size1) {
            return false;
        }
        if (size1 == 0) {
            return proof.isEmpty() && MessageDigest.isEqual(root1, MerkleHashes.emptyRoot());
        }
        if (size1 == size2) {
            return proof.isEmpty() && MessageDigest.isEqual(root1, root2);
        }
        // 1. an empty path fails
        if (proof.isEmpty()) {
            return false;
        }
        // 2. if first is a power of 2, its root is itself a node of the second tree: prepend it
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        if (Long.bitCount(size1) == 1) {
            path.add(root1);
        }
        path.addAll(proof);
        // 3. fn = first - 1, sn = second - 1
        long fn = size1 - 1;
        long sn = size2 - 1;
        // 4. skip the levels where the first tree's last leaf is a right child
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        // 5. fr = sr = first path element
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        // 6. for each subsequent c
        for (int i = 1; i < path.size(); i++) {
            byte[] c = path.get(i);
            if (sn == 0) {
                return false;                       // a. proof longer than the path
            }
            if ((fn & 1) == 1 || fn == sn) {        // b. c is a left sibling in both trees
                fr = MerkleHashes.node(c, fr);
                sr = MerkleHashes.node(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {                                // c is a right sibling, only in the second tree
                sr = MerkleHashes.node(sr, c);
            }
            fn >>= 1;                               // c.
            sn >>= 1;
        }
        // 7. both roots must match and the path must have reached the second root
        return sn == 0 && MessageDigest.isEqual(fr, root1) && MessageDigest.isEqual(sr, root2);
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == MerkleHashes.HASH_LENGTH;
    }

    private static boolean allHashes(List<byte[]> proof) {
        if (proof == null) {
            return false;
        }
        for (byte[] element : proof) {
            if (!isHash(element)) {
                return false;
            }
        }
        return true;
    }
}
