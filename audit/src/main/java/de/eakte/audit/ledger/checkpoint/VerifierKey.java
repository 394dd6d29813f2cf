package de.eakte.audit.ledger.checkpoint;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A note verifier key, the one string a citizen's app, a witness or the DPO needs to check
 * checkpoints: {@code <name>+<8 hex digits of the key hash>+<base64(0x01 || 32-byte Ed25519 public key)>}
 * (the form of golang.org/x/mod/sumdb/note and c2sp.org/signed-note).
 */
public record VerifierKey(String name, int keyHash, byte[] publicKey) {

    private static final int ED25519_KEY_LENGTH = 32;

    public VerifierKey {
        NoteText.checkName(name, "verifier key name");
        Objects.requireNonNull(publicKey, "public key");
        if (publicKey.length != ED25519_KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes, was " + publicKey.length);
        }
        publicKey = publicKey.clone();
        toParameters(publicKey);
        int expected = NoteText.keyHash(name, publicKey);
        if (keyHash != expected) {
            throw new IllegalArgumentException("verifier key hash " + NoteText.hex8(keyHash) + " does not match name and key (expected "
                    + NoteText.hex8(expected) + ")");
        }
    }

    public static VerifierKey of(String name, Ed25519PublicKeyParameters publicKey) {
        byte[] encoded = publicKey.getEncoded();
        return new VerifierKey(name, NoteText.keyHash(name, encoded), encoded);
    }

    /** Parses {@code name+hash+base64}; the hash must match what the name and key give. */
    public static VerifierKey parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("verifier key is missing");
        }
        // the name and the hex hash hold no '+', the base64 part may
        String[] parts = text.split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("verifier key must be <name>+<hash>+<key>, was \"" + text + "\"");
        }
        if (!parts[1].matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("verifier key hash must be 8 lowercase hex digits, was \"" + parts[1] + "\"");
        }
        byte[] typed = NoteText.decodeBase64(parts[2], "verifier key");
        if (typed.length != 1 + ED25519_KEY_LENGTH || typed[0] != NoteText.ED25519) {
            throw new IllegalArgumentException("verifier key must be an Ed25519 key: 0x01 followed by 32 bytes");
        }
        return new VerifierKey(parts[0], Integer.parseUnsignedInt(parts[1], 16), Arrays.copyOfRange(typed, 1, typed.length));
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    public String keyHashHex() {
        return NoteText.hex8(keyHash);
    }

    /** The key in its text form. */
    public String encoded() {
        byte[] typed = new byte[1 + publicKey.length];
        typed[0] = NoteText.ED25519;
        System.arraycopy(publicKey, 0, typed, 1, publicKey.length);
        return name + '+' + keyHashHex() + '+' + Base64.getEncoder().encodeToString(typed);
    }

    /** Whether this key made {@code signature} (RFC 8032 Ed25519) over {@code message}. */
    boolean verifies(byte[] message, byte[] signature) {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, toParameters(publicKey));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    private static Ed25519PublicKeyParameters toParameters(byte[] key) {
        try {
            return new Ed25519PublicKeyParameters(key, 0);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a valid Ed25519 public key: " + e.getMessage());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifierKey that && name.equals(that.name) && keyHash == that.keyHash
                && Arrays.equals(publicKey, that.publicKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, keyHash, Arrays.hashCode(publicKey));
    }

    @Override
    public String toString() {
        return encoded();
    }
}
