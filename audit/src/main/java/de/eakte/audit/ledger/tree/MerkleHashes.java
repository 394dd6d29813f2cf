package de.eakte.audit.ledger.tree;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The three hashes of RFC 9162 §2.1.1, with SHA-256. */
public final class MerkleHashes {

    /** SHA-256 output length; every node and root is this long. */
    public static final int HASH_LENGTH = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleHashes() {
    }

    /** MTH({d(0)}) = SHA-256(0x00 || d(0)). The prefix keeps a leaf from posing as an inner node. */
    public static byte[] leaf(byte[] input) {
        MessageDigest sha256 = sha256();
        sha256.update(LEAF_PREFIX);
        return sha256.digest(input);
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update(NODE_PREFIX);
        sha256.update(left);
        return sha256.digest(right);
    }

    /** MTH({}) = SHA-256() of the empty string. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    static byte[] checkHash(byte[] hash, String what) {
        if (hash == null || hash.length != HASH_LENGTH) {
            throw new IllegalArgumentException(what + " must be " + HASH_LENGTH + " bytes, was "
                    + (hash == null ? "null" : hash.length + " bytes"));
        }
        return hash;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
