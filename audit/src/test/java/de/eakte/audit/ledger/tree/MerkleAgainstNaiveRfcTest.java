package de.eakte.audit.ledger.tree;

import org.junit.jupiter.api.Test;

import java.util.List;

import static de.eakte.audit.ledger.tree.TestTree.hexOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every tree size 1..300: roots, every leaf's inclusion proof and every consistency proof m <= n,
 * from stored perfect nodes, byte for byte equal to the RFC's definitions over the full leaf list;
 * and every one of them verifies.
 */
class MerkleAgainstNaiveRfcTest {

    private static final int MAX = 300;

    private final TestTree tree = TestTree.withLeaves(MAX);
    private final NaiveRfc9162 naive = new NaiveRfc9162(tree.inputs);

    @Test
    void rootsEqualMthForEverySize() {
        for (int n = 0; n <= MAX; n++) {
            byte[] expected = naive.mth(0, n);
            assertThat(MerkleProofs.root(n, tree.at(n))).as("root from store, size %d", n).isEqualTo(expected);
            assertThat(tree.roots.get(n)).as("root from frontier, size %d", n).isEqualTo(expected);
        }
    }

    @Test
    void everyInclusionProofEqualsPathAndVerifies() {
        for (int n = 1; n <= MAX; n++) {
            NodeSource store = tree.at(n);
            byte[] root = naive.mth(0, n);
            for (int m = 0; m < n; m++) {
                List<byte[]> proof = MerkleProofs.inclusion(m, n, store);
                List<byte[]> expected = naive.path(m, n);
                if (!hexOf(proof).equals(hexOf(expected))) {
                    fail("PATH(%d, D[%d]) differs:%n ours  %s%n RFC   %s", m, n, hexOf(proof), hexOf(expected));
                }
                if (!MerkleVerifier.inclusion(tree.leafHashes.get(m), m, n, proof, root)) {
                    fail("PATH(%d, D[%d]) does not verify", m, n);
                }
            }
        }
    }

    @Test
    void everyConsistencyProofEqualsProofAndVerifies() {
        for (int n = 1; n <= MAX; n++) {
            NodeSource store = tree.at(n);
            byte[] root2 = naive.mth(0, n);
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = MerkleProofs.consistency(m, n, store);
                List<byte[]> expected = naive.proof(m, n);
                if (!hexOf(proof).equals(hexOf(expected))) {
                    fail("PROOF(%d, D[%d]) differs:%n ours  %s%n RFC   %s", m, n, hexOf(proof), hexOf(expected));
                }
                if (!MerkleVerifier.consistency(m, n, naive.mth(0, m), root2, proof)) {
                    fail("PROOF(%d, D[%d]) does not verify", m, n);
                }
            }
        }
    }

    @Test
    void theEmptyTreeIsConsistentWithEveryTreeButOnlyWithItsOwnRoot() {
        for (int n = 0; n <= 20; n++) {
            assertThat(MerkleVerifier.consistency(0, n, MerkleHashes.emptyRoot(), naive.mth(0, n), List.of())).isTrue();
            assertThat(MerkleVerifier.consistency(0, n, naive.mth(0, 1), naive.mth(0, n), List.of())).isFalse();
        }
    }
}
