package de.eakte.core.crypto;

/** A value was to be sealed under a key that was destroyed: the data it belonged to is erased. */
public class KeyDestroyedException extends RuntimeException {

    private final KeyId key;

    public KeyDestroyedException(KeyId key) {
        super("data key " + key + " was destroyed; nothing more is sealed under it");
        this.key = key;
    }

    public KeyId key() {
        return key;
    }
}
