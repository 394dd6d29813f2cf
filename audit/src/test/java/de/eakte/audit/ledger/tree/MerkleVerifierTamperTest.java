package de.eakte.audit.ledger.tree;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static de.eakte.audit.ledger.tree.TestTree.hexOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A proof that was changed in any way does not verify: every bit of every element (small trees),
 * one seeded random bit per element (larger ones), the root(s), the leaf, another index or size
 * (with the signed root of that size, as an attacker would present it), an element dropped or
 * added. The one thing that can legitimately verify under a changed index or size is the very
 * proof the RFC gives for that index or size, so that case is checked against the naive RFC
 * transcription instead of assumed away.
 */
class MerkleVerifierTamperTest {

    private static final int MAX = 64;
    private static final int ALL_BITS_UP_TO = 12;

    private final TestTree tree = TestTree.withLeaves(2 * MAX + 1);
    private final NaiveRfc9162 naive = new NaiveRfc9162(tree.inputs);
    private final Random random = new Random(6962);

    @Test
    void tamperedInclusionProofsFail() {
        for (int n = 1; n <= MAX; n++) {
            byte[] root = tree.roots.get(n);
            for (int m = 0; m < n; m++) {
                byte[] leaf = tree.leafHashes.get(m);
                List<byte[]> proof = MerkleProofs.inclusion(m, n, tree.at(n));
                String what = "PATH(" + m + ", D[" + n + "])";

                for (int i = 0; i < proof.size(); i++) {
                    for (int bit : bits(n)) {
                        expectInclusionFails(what + " bit " + bit + " of element " + i, leaf, m, n, flipped(proof, i, bit), root);
                    }
                }
                for (int bit : bits(n)) {
                    expectInclusionFails(what + " root bit " + bit, leaf, m, n, proof, flip(root, bit));
                    expectInclusionFails(what + " leaf bit " + bit, flip(leaf, bit), m, n, proof, root);
                }
                for (int other = -1; other <= n; other++) {
                    if (other != m) {
                        expectInclusionFails(what + " claimed at index " + other, leaf, other, n, proof, root);
                    }
                }
                for (int otherSize = m + 1; otherSize <= 2 * MAX; otherSize++) {
                    if (otherSize != n && !sameList(proof, naive.path(m, otherSize))) {
                        expectInclusionFails(what + " claimed for size " + otherSize, leaf, m, otherSize, proof,
                                tree.roots.get(otherSize));
                    }
                }
                expectInclusionFails(what + " size * 2", leaf, m, 2L * n, proof, root);
                expectInclusionFails(what + " size / 2", leaf, m, n / 2, proof, root);
                expectInclusionFails(what + " size 0", leaf, m, 0, proof, root);
                for (List<byte[]> changed : droppedAndAdded(proof, root)) {
                    expectInclusionFails(what + " with " + changed.size() + " elements", leaf, m, n, changed, root);
                }
            }
        }
    }

    @Test
    void tamperedConsistencyProofsFail() {
        for (int n = 1; n <= MAX; n++) {
            byte[] root2 = tree.roots.get(n);
            for (int m = 1; m <= n; m++) {
                byte[] root1 = tree.roots.get(m);
                List<byte[]> proof = MerkleProofs.consistency(m, n, tree.at(n));
                String what = "PROOF(" + m + ", D[" + n + "])";

                for (int i = 0; i < proof.size(); i++) {
                    for (int bit : bits(n)) {
                        expectConsistencyFails(what + " bit " + bit + " of element " + i, m, n, root1, root2, flipped(proof, i, bit));
                    }
                }
                for (int bit : bits(n)) {
                    expectConsistencyFails(what + " root1 bit " + bit, m, n, flip(root1, bit), root2, proof);
                    expectConsistencyFails(what + " root2 bit " + bit, m, n, root1, flip(root2, bit), proof);
                }
                if (m != n) {
                    expectConsistencyFails(what + " swapped roots", m, n, root2, root1, proof);
                }
                for (int other = 1; other <= n; other++) {
                    if (other != m && !sameList(proof, naive.proof(other, n))) {
                        expectConsistencyFails(what + " claimed from size " + other, other, n, tree.roots.get(other), root2, proof);
                    }
                }
                for (int other = m; other <= 2 * MAX; other++) {
                    if (other != n && !sameList(proof, naive.proof(m, other))) {
                        expectConsistencyFails(what + " claimed to size " + other, m, other, root1, tree.roots.get(other), proof);
                    }
                }
                expectConsistencyFails(what + " from size 0", 0, n, root1, root2, proof);
                expectConsistencyFails(what + " shrinking", n, m - 1, root2, root1, proof);
                for (List<byte[]> changed : droppedAndAdded(proof, root1)) {
                    expectConsistencyFails(what + " with " + changed.size() + " elements", m, n, root1, root2, changed);
                }
            }
        }
    }

    @Test
    void malformedInputIsAFailureNotAnException() {
        byte[] root = tree.roots.get(5);
        byte[] leaf = tree.leafHashes.get(2);
        List<byte[]> proof = MerkleProofs.inclusion(2, 5, tree.at(5));
        assertThat(MerkleVerifier.inclusion(leaf, 2, 5, proof, root)).isTrue();

        List<byte[]> withNull = new ArrayList<>(proof);
        withNull.set(1, null);
        List<byte[]> withShort = new ArrayList<>(proof);
        withShort.set(1, Arrays.copyOf(proof.get(1), 31));
        assertThat(MerkleVerifier.inclusion(leaf, 2, 5, withNull, root)).isFalse();
        assertThat(MerkleVerifier.inclusion(leaf, 2, 5, withShort, root)).isFalse();
        assertThat(MerkleVerifier.inclusion(null, 2, 5, proof, root)).isFalse();
        assertThat(MerkleVerifier.inclusion(leaf, 2, 5, null, root)).isFalse();
        assertThat(MerkleVerifier.inclusion(leaf, 2, 5, proof, new byte[0])).isFalse();
        assertThat(MerkleVerifier.inclusion(leaf, 2, -5, proof, root)).isFalse();
        assertThat(MerkleVerifier.inclusion(leaf, Long.MIN_VALUE, Long.MAX_VALUE, proof, root)).isFalse();

        List<byte[]> consistency = MerkleProofs.consistency(3, 5, tree.at(5));
        byte[] root3 = tree.roots.get(3);
        assertThat(MerkleVerifier.consistency(3, 5, root3, root, consistency)).isTrue();
        assertThat(MerkleVerifier.consistency(3, 5, root3, root, null)).isFalse();
        assertThat(MerkleVerifier.consistency(3, 5, null, root, consistency)).isFalse();
        assertThat(MerkleVerifier.consistency(3, 5, root3, Arrays.copyOf(root, 33), consistency)).isFalse();
        assertThat(MerkleVerifier.consistency(-3, 5, root3, root, consistency)).isFalse();
        assertThat(MerkleVerifier.consistency(3, Long.MAX_VALUE, root3, root, consistency)).isFalse();
        // equal sizes: consistent exactly when the roots agree and nothing is claimed beyond that
        assertThat(MerkleVerifier.consistency(5, 5, root, root, List.of())).isTrue();
        assertThat(MerkleVerifier.consistency(5, 5, root, root3, List.of())).isFalse();
        assertThat(MerkleVerifier.consistency(5, 5, root, root, List.of(root))).isFalse();
    }

    private int[] bits(int n) {
        if (n <= ALL_BITS_UP_TO) {
            int[] all = new int[MerkleHashes.HASH_LENGTH * 8];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        return new int[] {random.nextInt(MerkleHashes.HASH_LENGTH * 8)};
    }

    private static byte[] flip(byte[] hash, int bit) {
        byte[] copy = hash.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    private static List<byte[]> flipped(List<byte[]> proof, int element, int bit) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.set(element, flip(proof.get(element), bit));
        return copy;
    }

    private List<List<byte[]>> droppedAndAdded(List<byte[]> proof, byte[] someRoot) {
        List<List<byte[]>> variants = new ArrayList<>();
        if (!proof.isEmpty()) {
            variants.add(new ArrayList<>(proof.subList(1, proof.size())));
            variants.add(new ArrayList<>(proof.subList(0, proof.size() - 1)));
            List<byte[]> duplicated = new ArrayList<>(proof);
            duplicated.add(0, proof.get(0));
            variants.add(duplicated);
        }
        byte[] junk = new byte[MerkleHashes.HASH_LENGTH];
        random.nextBytes(junk);
        for (byte[] extra : List.of(junk, someRoot)) {
            List<byte[]> appended = new ArrayList<>(proof);
            appended.add(extra);
            variants.add(appended);
            List<byte[]> prepended = new ArrayList<>(proof);
            prepended.add(0, extra);
            variants.add(prepended);
        }
        return variants;
    }

    private static boolean sameList(List<byte[]> a, List<byte[]> b) {
        return hexOf(a).equals(hexOf(b));
    }

    private static void expectInclusionFails(String what, byte[] leaf, long index, long size, List<byte[]> proof, byte[] root) {
        if (MerkleVerifier.inclusion(leaf, index, size, proof, root)) {
            fail("verified although tampered: " + what);
        }
    }

    private static void expectConsistencyFails(String what, long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        if (MerkleVerifier.consistency(size1, size2, root1, root2, proof)) {
            fail("verified although tampered: " + what);
        }
    }
}
