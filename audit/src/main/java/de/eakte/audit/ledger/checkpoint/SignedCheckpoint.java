package de.eakte.audit.ledger.checkpoint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A checkpoint together with the signed note it came in. The three parts always agree: the
 * constructor checks that {@code note} is exactly the checkpoint's body, a blank line and the
 * signature lines, so a verified object cannot carry a checkpoint other than the one signed.
 */
public record SignedCheckpoint(Checkpoint checkpoint, String note, List<NoteSignature> signatures) {

    /** Far above what a checkpoint with 16 post-quantum cosignatures needs (signed-note, "Format"). */
    static final int MAX_NOTE_CHARS = 1 << 20;
    static final int MAX_SIGNATURES = 100;

    public SignedCheckpoint {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(note, "note");
        signatures = List.copyOf(signatures);
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("a signed note needs at least one signature");
        }
        if (!note.equals(render(checkpoint, signatures))) {
            throw new IllegalArgumentException("note text does not match the checkpoint and signatures");
        }
    }

    /**
     * Parses a signed note strictly (c2sp.org/signed-note, c2sp.org/tlog-checkpoint): the text up
     * to the last blank line must be a checkpoint body as {@link Checkpoint#body()} writes it, and
     * every line after it a well-formed signature line. Throws IllegalArgumentException saying what
     * is wrong. Parsing checks the form only; {@link #verifiedBy} checks the signature.
     */
    public static SignedCheckpoint parse(String note) {
        if (note == null || note.isEmpty()) {
            throw new IllegalArgumentException("signed note is empty");
        }
        if (note.length() > MAX_NOTE_CHARS) {
            throw new IllegalArgumentException("signed note is longer than " + MAX_NOTE_CHARS + " characters");
        }
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if (c != '\n' && (c < 0x20 || c == 0x7f)) {
                throw new IllegalArgumentException("signed note contains control character U+"
                        + String.format("%04X", (int) c) + " at position " + i);
            }
        }
        if (!StandardCharsets.UTF_8.newEncoder().canEncode(note)) {
            throw new IllegalArgumentException("signed note is not valid Unicode");
        }
        if (!note.endsWith("\n")) {
            throw new IllegalArgumentException("signed note must end with a newline");
        }
        // the text ends with its own newline; the last empty line separates it from the signatures
        int blank = note.lastIndexOf("\n\n");
        if (blank < 0) {
            throw new IllegalArgumentException("signed note has no blank line before its signatures");
        }
        String text = note.substring(0, blank + 1);
        String block = note.substring(blank + 2);
        if (block.isEmpty()) {
            throw new IllegalArgumentException("signed note has no signature lines");
        }
        String[] lines = block.substring(0, block.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new IllegalArgumentException("signed note has more than " + MAX_SIGNATURES + " signatures");
        }
        List<NoteSignature> signatures = new ArrayList<>(lines.length);
        for (int i = 0; i < lines.length; i++) {
            signatures.add(NoteSignature.parseLine(lines[i], i + 1));
        }
        return new SignedCheckpoint(Checkpoint.parse(text), note, signatures);
    }

    /**
     * Whether the note carries a valid signature by this key (c2sp.org/signed-note, "Signatures"):
     * signatures of other keys are ignored; every signature that names this key and key hash must
     * verify, and there must be at least one. A malformed verifier key is a configuration error and
     * throws IllegalArgumentException; a bad note or signature is simply not verified.
     */
    public boolean verifiedBy(String verifierKey) {
        return verifiedBy(VerifierKey.parse(verifierKey));
    }

    public boolean verifiedBy(VerifierKey key) {
        byte[] text = checkpoint.body().getBytes(StandardCharsets.UTF_8);
        boolean verified = false;
        for (NoteSignature signature : signatures) {
            if (signature.keyName().equals(key.name()) && signature.keyHash() == key.keyHash()) {
                if (!key.verifies(text, signature.signature())) {
                    return false;
                }
                verified = true;
            }
        }
        return verified;
    }

    private static String render(Checkpoint checkpoint, List<NoteSignature> signatures) {
        StringBuilder note = new StringBuilder(checkpoint.body()).append('\n');
        for (NoteSignature signature : signatures) {
            note.append(signature.line());
        }
        return note.toString();
    }
}
