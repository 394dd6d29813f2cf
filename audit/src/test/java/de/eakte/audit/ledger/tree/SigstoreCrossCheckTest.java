package de.eakte.audit.ledger.tree;

import dev.sigstore.merkle.InclusionProofVerificationException;
import dev.sigstore.merkle.InclusionProofVerifier;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An independent implementation from Maven Central: sigstore-java's RFC 6962/9162 inclusion
 * verifier (written for Rekor, a different log) accepts every inclusion proof we serve for trees
 * of 1..300 leaves and rejects a tampered one. It has no consistency verifier; the consistency
 * proofs are checked against the published vectors and the naive RFC transcription instead.
 */
class SigstoreCrossCheckTest {

    private static final int MAX = 300;

    private final TestTree tree = TestTree.withLeaves(MAX);

    @Test
    void sigstoreAcceptsEveryInclusionProofWeServe() {
        for (int n = 1; n <= MAX; n++) {
            byte[] root = MerkleProofs.root(n, tree.at(n));
            for (int m = 0; m < n; m++) {
                List<byte[]> proof = MerkleProofs.inclusion(m, n, tree.at(n));
                byte[] leaf = tree.leafHashes.get(m);
                int index = m;
                long size = n;
                assertThatCode(() -> InclusionProofVerifier.verify(leaf, index, size, proof, root))
                        .as("sigstore verifies PATH(%d, D[%d])", m, n).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void sigstoreRejectsATamperedProof() {
        List<byte[]> proof = new ArrayList<>(MerkleProofs.inclusion(37, 300, tree.at(300)));
        byte[] changed = proof.get(3).clone();
        changed[0] ^= 1;
        proof.set(3, changed);
        assertThatThrownBy(() -> InclusionProofVerifier.verify(tree.leafHashes.get(37), 37, 300, proof, tree.roots.get(300)))
                .isInstanceOf(InclusionProofVerificationException.class);
    }
}
