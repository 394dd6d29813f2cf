package de.eakte.audit.ledger.tree;

import de.eakte.audit.ledger.StoredEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static de.eakte.audit.ledger.tree.TestTree.hex;
import static de.eakte.audit.ledger.tree.TestTree.hexList;
import static de.eakte.audit.ledger.tree.TestTree.hexOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published RFC 6962 reference vectors for the 8-leaf tree, as used by the certificate
 * transparency implementations (transparency-dev/merkle, proof/verify_test.go): roots of every
 * prefix, inclusion paths and consistency proofs. Indices there are 1-based; here 0-based.
 */
class MerkleReferenceVectorsTest {

    private static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private final TestTree tree = new TestTree(TestTree.REFERENCE_INPUTS);

    @Test
    void emptyTreeRootIsTheHashOfTheEmptyString() {
        assertThat(MerkleHashes.emptyRoot())
                .isEqualTo(hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        assertThat(MerkleProofs.root(0, tree.at(0))).isEqualTo(MerkleHashes.emptyRoot());
        assertThat(MerkleFrontier.empty().root()).isEqualTo(MerkleHashes.emptyRoot());
    }

    @Test
    void leafHashIsTheSameAsTheStoredEventLeafHash() {
        for (byte[] input : TestTree.REFERENCE_INPUTS) {
            assertThat(MerkleHashes.leaf(input)).isEqualTo(StoredEvent.leafHash(input));
        }
    }

    @Test
    void rootsOfEveryPrefixMatchTheReferenceVectors() {
        for (int size = 1; size <= 8; size++) {
            byte[] expected = hex(ROOTS.get(size - 1));
            assertThat(MerkleProofs.root(size, tree.at(size))).as("root of size %d from the store", size).isEqualTo(expected);
            assertThat(tree.roots.get(size)).as("root of size %d from the frontier", size).isEqualTo(expected);
        }
    }

    @Test
    void inclusionPathsMatchTheReferenceVectorsAndVerify() {
        assertInclusion(0, 1);
        assertInclusion(0, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertInclusion(5, 8, "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertInclusion(2, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertInclusion(1, 5, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    }

    @Test
    void consistencyProofsMatchTheReferenceVectorsAndVerify() {
        assertConsistency(1, 1);
        assertConsistency(1, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertConsistency(6, 8, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertConsistency(2, 5, "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertConsistency(6, 7, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    }

    private void assertInclusion(long index, long size, String... expectedHex) {
        List<byte[]> proof = MerkleProofs.inclusion(index, size, tree.at(size));
        assertThat(hexOf(proof)).as("PATH(%d, D[%d])", index, size).isEqualTo(hexOf(hexList(expectedHex)));
        assertThat(MerkleVerifier.inclusion(tree.leafHashes.get((int) index), index, size, proof, hex(ROOTS.get((int) size - 1))))
                .as("verify PATH(%d, D[%d])", index, size).isTrue();
    }

    private void assertConsistency(long from, long to, String... expectedHex) {
        List<byte[]> proof = MerkleProofs.consistency(from, to, tree.at(to));
        assertThat(hexOf(proof)).as("PROOF(%d, D[%d])", from, to).isEqualTo(hexOf(hexList(expectedHex)));
        assertThat(MerkleVerifier.consistency(from, to, hex(ROOTS.get((int) from - 1)), hex(ROOTS.get((int) to - 1)), proof))
                .as("verify PROOF(%d, D[%d])", from, to).isTrue();
    }
}
