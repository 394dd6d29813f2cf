package de.eakte.audit.ledger.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Rules shared by the signed-note pieces (c2sp.org/signed-note). */
final class NoteText {

    /** U+2014 EM DASH and a space open every signature line. */
    static final String SIGNATURE_PREFIX = "\u2014 ";

    /** Signature type identifier of plain Ed25519 note signatures (signed-note, "Signature types"). */
    static final byte ED25519 = 0x01;

    private NoteText() {
    }

    /**
     * Key names (and so our origins, which should equal the key name) must be non-empty and contain
     * no Unicode space and no '+'; being lines of a note they also carry no control character.
     */
    static String checkName(String name, String what) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                throw new IllegalArgumentException(what + " must not contain spaces: \"" + name + "\"");
            }
            if (c == '+') {
                throw new IllegalArgumentException(what + " must not contain '+': \"" + name + "\"");
            }
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException(what + " must not contain control characters");
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < name.length()
                    && Character.isLowSurrogate(name.charAt(++i)))) {
                throw new IllegalArgumentException(what + " is not valid Unicode");
            }
        }
        return name;
    }

    /** Key ID = SHA-256(key name || 0x0A || 0x01 || 32-byte Ed25519 public key)[:4], big-endian. */
    static int keyHash(String name, byte[] publicKey) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        sha256.update(name.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '\n');
        sha256.update(ED25519);
        byte[] digest = sha256.digest(publicKey);
        return ((digest[0] & 0xff) << 24) | ((digest[1] & 0xff) << 16) | ((digest[2] & 0xff) << 8) | (digest[3] & 0xff);
    }

    static String hex8(int keyHash) {
        return String.format("%08x", keyHash);
    }

    /**
     * Standard base64 (RFC 4648 §4) in its one canonical spelling: the JDK decoder alone would
     * also take missing padding, and a strict parser must not accept two spellings of one note.
     */
    static byte[] decodeBase64(String text, String what) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not valid base64: " + e.getMessage());
        }
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw new IllegalArgumentException(what + " is not in canonical base64 (padding or trailing bits)");
        }
        return bytes;
    }

    /** Decimal without sign or leading zeroes ("0" only for zero), as tlog-checkpoint requires. */
    static long parseDecimal(String text, String what) {
        if (text.isEmpty() || text.length() > 19 || (text.length() > 1 && text.charAt(0) == '0')) {
            throw new IllegalArgumentException(what + " must be a decimal number without leading zeroes, was \"" + text + "\"");
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                throw new IllegalArgumentException(what + " must be a decimal number, was \"" + text + "\"");
            }
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is too large: " + text);
        }
    }
}
