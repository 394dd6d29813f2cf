package de.eakte.core.crypto;

import de.eakte.core.shared.Values;

/**
 * A personal value as it is stored: the key that sealed it and, in base64, the 96-bit nonce
 * followed by the AES-GCM ciphertext and its 128-bit tag. Which aggregate and field slot it
 * belongs to is not stored here: the reader supplies them, and the tag only verifies if they match.
 */
public record Sealed(KeyId key, String data) {

    public Sealed {
        Values.requireNonNull("key", key);
        Values.requireNonNull("data", data);
    }
}
