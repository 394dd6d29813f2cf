package de.eakte.audit.ledger;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One row of the event table exactly as stored, and the leaf it becomes in the ledger. The leaf
 * input is the canonical bytes of the row (ciphertext where fields are sealed), so it can be
 * recomputed by anyone given the row, and erasing a key never changes it. The global index is not
 * part of the leaf: the ledger records which row each leaf is.
 *
 * <p>Canonical bytes, in this order: event identifier, aggregate identifier, sequence number,
 * aggregate type, time stamp, payload type, payload revision, payload, metadata. Each text or
 * byte field is a 4-byte big-endian length followed by its bytes (UTF-8 for text), or the length
 * -1 for absent; the sequence number is 8 bytes big-endian. See {@code docs/ledger.md}.
 */
public record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                          String aggregateType, String timeStamp, String payloadType, String payloadRevision,
                          byte[] payload, byte[] metaData) {

    /** The RFC 9162 leaf input. */
    public byte[] canonicalBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + length(payload) + length(metaData));
        field(out, text(eventIdentifier));
        field(out, text(aggregateIdentifier));
        out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(sequenceNumber).array());
        field(out, text(aggregateType));
        field(out, text(timeStamp));
        field(out, text(payloadType));
        field(out, text(payloadRevision));
        field(out, payload);
        field(out, metaData);
        return out.toByteArray();
    }

    /** SHA-256(0x00 || canonical bytes): RFC 9162 §2.1.1. */
    public byte[] leafHash() {
        return leafHash(canonicalBytes());
    }

    public static byte[] leafHash(byte[] leafInput) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x00);
        return sha256.digest(leafInput);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static void field(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes == null ? -1 : bytes.length).array());
        if (bytes != null) {
            out.writeBytes(bytes);
        }
    }
}
