package de.eakte.audit.ledger.tree;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Proofs cost one batch read of O(log n) stored nodes, and say clearly what is wrong when they cannot. */
class MerkleProofsReadTest {

    private static final int MAX = 300;

    private final TestTree tree = TestTree.withLeaves(MAX);

    @Test
    void everyProofIsOneReadOfAtMostTwiceLogNPlusTwoDistinctAddresses() {
        for (int n = 1; n <= MAX; n++) {
            int bound = 2 * ceilLog2(n) + 2;
            TestTree.Counting rootSource = new TestTree.Counting(tree.at(n));
            MerkleProofs.root(n, rootSource);
            assertOneRead(rootSource, ceilLog2(n) + 1, "root(" + n + ")");
            for (int m = 0; m < n; m++) {
                TestTree.Counting source = new TestTree.Counting(tree.at(n));
                if (MerkleProofs.inclusion(m, n, source).isEmpty()) {
                    assertThat(source.calls).as("the single leaf of a one-leaf tree needs no proof").isEmpty();
                } else {
                    assertOneRead(source, bound, "inclusion(" + m + ", " + n + ")");
                }
            }
            for (int m = 1; m < n; m++) {
                TestTree.Counting source = new TestTree.Counting(tree.at(n));
                MerkleProofs.consistency(m, n, source);
                assertOneRead(source, bound, "consistency(" + m + ", " + n + ")");
            }
        }
    }

    @Test
    void trivialAnswersReadNothing() {
        TestTree.Counting source = new TestTree.Counting(tree.at(7));
        assertThat(MerkleProofs.consistency(7, 7, source)).isEmpty();
        assertThat(MerkleProofs.inclusion(0, 1, source)).isEmpty();
        assertThat(MerkleProofs.root(0, source)).isEqualTo(MerkleHashes.emptyRoot());
        assertThat(source.calls).isEmpty();
    }

    @Test
    void illegalArgumentsAreRejectedWithTheirValues() {
        NodeSource store = tree.at(10);
        assertThatThrownBy(() -> MerkleProofs.inclusion(10, 10, store))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leaf index 10").hasMessageContaining("size 10");
        assertThatThrownBy(() -> MerkleProofs.inclusion(-1, 10, store))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leaf index -1");
        assertThatThrownBy(() -> MerkleProofs.inclusion(0, 0, store))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> MerkleProofs.consistency(0, 10, store))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RFC 9162 §2.1.4");
        assertThatThrownBy(() -> MerkleProofs.consistency(11, 10, store))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fromSize 11").hasMessageContaining("toSize 10");
        assertThatThrownBy(() -> MerkleProofs.root(-1, store))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> MerkleFrontier.needed(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNodeMissingFromTheStoreIsNamed() {
        // the store at size 6 does not yet hold the leaf 6 that a proof at size 7 needs
        assertThatThrownBy(() -> MerkleProofs.inclusion(0, 7, tree.at(6)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NodeAddress[level=0, index=6]");
        assertThatThrownBy(() -> MerkleFrontier.restore(7, tree.at(6)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NodeAddress[level=0, index=6]");
        NodeSource corrupt = addresses -> Map.of(addresses.iterator().next(), new byte[5]);
        assertThatThrownBy(() -> MerkleProofs.root(1, corrupt))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("5 bytes");
    }

    @Test
    void neededIsTheRightEdgeOnePerSetBit() {
        assertThat(MerkleFrontier.needed(0)).isEmpty();
        assertThat(MerkleFrontier.needed(13)).containsExactly(
                new NodeAddress(3, 0), new NodeAddress(2, 2), new NodeAddress(0, 12));
        assertThat(MerkleFrontier.needed(16)).containsExactly(new NodeAddress(4, 0));
        assertThat(MerkleFrontier.needed(Long.MAX_VALUE)).hasSize(63);
    }

    private static void assertOneRead(TestTree.Counting source, int bound, String what) {
        assertThat(source.calls).as(what + " reads").hasSize(1);
        List<NodeAddress> read = source.calls.get(0);
        assertThat(read.size()).as(what + " addresses").isLessThanOrEqualTo(bound);
        assertThat(new HashSet<>(read)).as(what + " distinct").hasSameSizeAs(read);
    }

    private static int ceilLog2(int n) {
        return n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
    }
}
