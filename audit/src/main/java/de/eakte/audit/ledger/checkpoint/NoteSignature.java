package de.eakte.audit.ledger.checkpoint;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One signature line of a signed note: {@code — <key name> base64(key hash || signature)}. The key
 * hash (signed-note's "key ID") is only an identifier; which algorithm the bytes are for is known
 * only to a verifier that holds the key, so unknown signatures are kept as they are.
 */
public record NoteSignature(String keyName, int keyHash, byte[] signature) {

    public NoteSignature {
        NoteText.checkName(keyName, "key name");
        Objects.requireNonNull(signature, "signature");
        if (signature.length == 0) {
            throw new IllegalArgumentException("signature must not be empty");
        }
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public String keyHashHex() {
        return NoteText.hex8(keyHash);
    }

    /** The line as it appears in the note, with its newline. */
    String line() {
        byte[] blob = new byte[4 + signature.length];
        blob[0] = (byte) (keyHash >>> 24);
        blob[1] = (byte) (keyHash >>> 16);
        blob[2] = (byte) (keyHash >>> 8);
        blob[3] = (byte) keyHash;
        System.arraycopy(signature, 0, blob, 4, signature.length);
        return NoteText.SIGNATURE_PREFIX + keyName + ' ' + Base64.getEncoder().encodeToString(blob) + '\n';
    }

    /** Parses one signature line (without its newline). */
    static NoteSignature parseLine(String line, int number) {
        String where = "signature line " + number;
        if (!line.startsWith(NoteText.SIGNATURE_PREFIX)) {
            throw new IllegalArgumentException(where + " must start with an em dash (U+2014) and a space");
        }
        String rest = line.substring(NoteText.SIGNATURE_PREFIX.length());
        int space = rest.indexOf(' ');
        if (space < 0 || rest.indexOf(' ', space + 1) >= 0) {
            throw new IllegalArgumentException(where + " must be \"— <key name> <base64>\" with single spaces");
        }
        String name = rest.substring(0, space);
        try {
            NoteText.checkName(name, "key name");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
        byte[] blob = NoteText.decodeBase64(rest.substring(space + 1), where + " signature");
        if (blob.length < 5) {
            throw new IllegalArgumentException(where + " must hold a 4-byte key hash and a signature, has " + blob.length + " bytes");
        }
        int keyHash = ((blob[0] & 0xff) << 24) | ((blob[1] & 0xff) << 16) | ((blob[2] & 0xff) << 8) | (blob[3] & 0xff);
        return new NoteSignature(name, keyHash, Arrays.copyOfRange(blob, 4, blob.length));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteSignature that && keyName.equals(that.keyName) && keyHash == that.keyHash
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyName, keyHash, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "NoteSignature[" + keyName + "+" + keyHashHex() + ", " + signature.length + " bytes]";
    }
}
