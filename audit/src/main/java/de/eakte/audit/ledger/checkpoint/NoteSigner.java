package de.eakte.audit.ledger.checkpoint;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Signs checkpoints as C2SP signed notes with Ed25519 (signature type 0x01). BouncyCastle's
 * {@link Ed25519Signer} is used because JDK 17's Ed25519 measured 20x slower here. Ed25519 is
 * deterministic (RFC 8032 §5.1.6): the same key and checkpoint always give the same note.
 * Thread-safe: each signature uses its own signer.
 */
public final class NoteSigner {

    private final String keyName;
    private final Ed25519PrivateKeyParameters privateKey;
    private final VerifierKey verifierKey;

    /** {@code keyName} should equal the checkpoints' origin (c2sp.org/tlog-checkpoint, "Signatures"). */
    public NoteSigner(String keyName, Ed25519PrivateKeyParameters privateKey) {
        this.keyName = NoteText.checkName(keyName, "key name");
        this.privateKey = Objects.requireNonNull(privateKey, "private key");
        this.verifierKey = VerifierKey.of(keyName, privateKey.generatePublicKey());
    }

    public String keyName() {
        return keyName;
    }

    public Ed25519PublicKeyParameters publicKey() {
        return privateKey.generatePublicKey();
    }

    /** First 4 bytes of SHA-256(key name || 0x0A || 0x01 || public key), as 8 lowercase hex digits. */
    public String keyHashHex() {
        return verifierKey.keyHashHex();
    }

    /** {@code <name>+<key hash>+<base64(0x01 || public key)>}: what verifiers are configured with. */
    public String verifierKey() {
        return verifierKey.encoded();
    }

    /** The whole signed note: the checkpoint body, a blank line and one signature line. */
    public String sign(Checkpoint checkpoint) {
        return signText(checkpoint.body());
    }

    /** Signs any note text (which must end in a newline). */
    String signText(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("note text must end with a newline");
        }
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        NoteSignature signature = new NoteSignature(keyName, verifierKey.keyHash(), signer.generateSignature());
        return text + '\n' + signature.line();
    }
}
