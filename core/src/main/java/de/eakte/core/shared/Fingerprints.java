package de.eakte.core.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Recognises an actor again without naming them: SHA-256 over a salt (the id of the thing they
 * acted on) and their subject. Four-eyes rules compare fingerprints; the same person has a
 * different one on every change or list.
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    public static String of(Object salt, Actor actor) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt.toString().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            return HexFormat.of().formatHex(sha256.digest(actor.subject().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
