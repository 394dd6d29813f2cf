package de.eakte.audit.ledger.checkpoint;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A tree head the ledger commits to: its origin (the log's name), size, RFC 9162 root hash and the
 * time it was taken. {@link #body()} is the note text that gets signed, in the C2SP
 * tlog-checkpoint form:
 *
 * <pre>
 * &lt;origin&gt;
 * &lt;size, decimal&gt;
 * &lt;root hash, base64&gt;
 * time &lt;POSIX seconds, decimal&gt;
 * </pre>
 *
 * tlog-checkpoint has no field for a time; the fourth line is an extension line, spelled like the
 * timestamp line of c2sp.org/tlog-cosignature. The time is kept to whole seconds (truncated), as
 * that line carries it.
 */
public record Checkpoint(String origin, long size, byte[] rootHash, Instant time) {

    static final String TIME_PREFIX = "time ";
    private static final int HASH_LENGTH = 32;

    public Checkpoint {
        NoteText.checkName(origin, "checkpoint origin");
        if (size < 0) {
            throw new IllegalArgumentException("checkpoint size must not be negative, was " + size);
        }
        if (rootHash == null || rootHash.length != HASH_LENGTH) {
            throw new IllegalArgumentException("root hash must be " + HASH_LENGTH + " bytes (SHA-256), was "
                    + (rootHash == null ? "null" : rootHash.length + " bytes"));
        }
        rootHash = rootHash.clone();
        Objects.requireNonNull(time, "checkpoint time");
        time = time.truncatedTo(ChronoUnit.SECONDS);
        if (time.getEpochSecond() < 0) {
            throw new IllegalArgumentException("checkpoint time must not be before 1970, was " + time);
        }
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The exact note text that is signed, ending in a newline. */
    public String body() {
        return origin + '\n'
                + size + '\n'
                + Base64.getEncoder().encodeToString(rootHash) + '\n'
                + TIME_PREFIX + time.getEpochSecond() + '\n';
    }

    /**
     * Parses a body exactly as {@link #body()} writes it; anything else (missing or extra lines,
     * leading zeroes, non-canonical base64, a hash that is not 32 bytes) is rejected with the reason.
     */
    public static Checkpoint parse(String body) {
        if (body == null || body.isEmpty()) {
            throw new IllegalArgumentException("checkpoint text is empty");
        }
        if (!body.endsWith("\n")) {
            throw new IllegalArgumentException("checkpoint text must end with a newline");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length < 4) {
            throw new IllegalArgumentException("checkpoint text needs 4 lines (origin, size, root hash, time), has "
                    + lines.length);
        }
        if (lines.length > 4) {
            throw new IllegalArgumentException("checkpoint text has " + (lines.length - 4)
                    + " extension line(s) besides the time; this ledger writes none");
        }
        String origin = lines[0];
        NoteText.checkName(origin, "checkpoint origin (line 1)");
        long size = NoteText.parseDecimal(lines[1], "tree size (line 2)");
        byte[] root = NoteText.decodeBase64(lines[2], "root hash (line 3)");
        if (root.length != HASH_LENGTH) {
            throw new IllegalArgumentException("root hash (line 3) must be " + HASH_LENGTH + " bytes, is " + root.length);
        }
        if (!lines[3].startsWith(TIME_PREFIX)) {
            throw new IllegalArgumentException("line 4 must be \"time <POSIX seconds>\", was \"" + lines[3] + "\"");
        }
        long seconds = NoteText.parseDecimal(lines[3].substring(TIME_PREFIX.length()), "time (line 4)");
        Instant time;
        try {
            time = Instant.ofEpochSecond(seconds);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("time (line 4) is out of range: " + seconds);
        }
        return new Checkpoint(origin, size, root, time);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && origin.equals(that.origin) && size == that.size
                && Arrays.equals(rootHash, that.rootHash) && time.equals(that.time);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(rootHash), time);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", size " + size + ", root " + Base64.getEncoder().encodeToString(rootHash)
                + ", " + time + "]";
    }
}
