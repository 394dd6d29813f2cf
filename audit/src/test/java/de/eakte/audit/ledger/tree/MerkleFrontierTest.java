package de.eakte.audit.ledger.tree;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MerkleFrontierTest {

    private static final int MAX = 300;

    private final TestTree tree = TestTree.withLeaves(MAX);

    @Test
    void restoredAtEverySizeBehavesExactlyLikeTheContinuousOne() {
        for (int size = 0; size <= MAX; size++) {
            TestTree.Counting source = new TestTree.Counting(tree.at(size));
            MerkleFrontier restored = MerkleFrontier.restore(size, source);
            assertThat(source.calls).as("reads to restore size %d", size).hasSize(size == 0 ? 0 : 1);
            assertThat(restored.size()).isEqualTo(size);
            assertThat(restored.root()).as("root restored at %d", size).isEqualTo(tree.roots.get(size));
            assertThat(restored.edge()).extracting(StoredNode::address).containsExactlyElementsOf(MerkleFrontier.needed(size));
            for (int next = size; next < MAX; next++) {
                assertThat(restored.append(tree.leafHashes.get(next)))
                        .as("nodes completed by leaf %d after restoring at %d", next, size)
                        .containsExactlyElementsOf(tree.appended.get(next));
            }
            assertThat(restored.root()).isEqualTo(tree.roots.get(MAX));
        }
    }

    @Test
    void appendsReportEveryPerfectNodeExactlyOnce() {
        Set<NodeAddress> expected = new HashSet<>();
        for (int level = 0; (MAX >> level) > 0; level++) {
            for (long index = 0; index < (MAX >> level); index++) {
                expected.add(new NodeAddress(level, index));
            }
        }
        assertThat(tree.nodes.keySet()).isEqualTo(expected);
    }

    @Test
    void aLeafThatCompletesSubtreesReportsItselfThenEachParent() {
        MerkleFrontier frontier = MerkleFrontier.empty();
        for (int i = 0; i < 7; i++) {
            frontier.append(tree.leafHashes.get(i));
        }
        List<StoredNode> completed = frontier.append(tree.leafHashes.get(7));
        assertThat(completed).extracting(StoredNode::address).containsExactly(
                new NodeAddress(0, 7), new NodeAddress(1, 3), new NodeAddress(2, 1), new NodeAddress(3, 0));
        assertThat(completed.get(3).hash()).isEqualTo(frontier.root());
        assertThat(frontier.edge()).hasSize(1);
    }

    @Test
    void rejectsAHashThatIsNotSha256Sized() {
        MerkleFrontier frontier = MerkleFrontier.empty();
        assertThatThrownBy(() -> frontier.append(new byte[31])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("31 bytes");
        assertThatThrownBy(() -> frontier.append(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(frontier.size()).isZero();
    }
}
