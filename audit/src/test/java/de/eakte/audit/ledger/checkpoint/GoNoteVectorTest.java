package de.eakte.audit.ledger.checkpoint;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published example of golang.org/x/mod/sumdb/note (package documentation): the signer key
 * PRIVATE+KEY+PeterNeumann+c74f20a3+AYEK..., its verifier key and the note it signs. Ed25519 is
 * deterministic, so our signer must produce that note byte for byte, and our verifier must accept it.
 */
class GoNoteVectorTest {

    static final String SIGNER_KEY_MATERIAL = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String VERIFIER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String NOTE = TEXT + "\n"
            + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    static NoteSigner peterNeumann() {
        byte[] typed = Base64.getDecoder().decode(SIGNER_KEY_MATERIAL);
        assertThat(typed[0]).as("signature type Ed25519").isEqualTo((byte) 0x01);
        return new NoteSigner("PeterNeumann", new Ed25519PrivateKeyParameters(Arrays.copyOfRange(typed, 1, 33)));
    }

    @Test
    void ourSignerProducesTheGoNoteByteForByte() {
        NoteSigner signer = peterNeumann();
        assertThat(signer.keyHashHex()).isEqualTo("c74f20a3");
        assertThat(signer.verifierKey()).isEqualTo(VERIFIER_KEY);
        assertThat(signer.signText(TEXT)).isEqualTo(NOTE);
    }

    @Test
    void ourVerifierAcceptsTheGoNoteAndRejectsItAltered() {
        VerifierKey key = VerifierKey.parse(VERIFIER_KEY);
        assertThat(key.encoded()).isEqualTo(VERIFIER_KEY);
        String line = NOTE.substring(TEXT.length() + 1, NOTE.length() - 1);
        NoteSignature signature = NoteSignature.parseLine(line, 1);
        assertThat(signature.keyName()).isEqualTo("PeterNeumann");
        assertThat(signature.keyHashHex()).isEqualTo("c74f20a3");
        assertThat(key.verifies(TEXT.getBytes(StandardCharsets.UTF_8), signature.signature())).isTrue();
        assertThat(key.verifies(TEXT.replace("cryptography", "cryptographY").getBytes(StandardCharsets.UTF_8),
                signature.signature())).isFalse();
    }
}
