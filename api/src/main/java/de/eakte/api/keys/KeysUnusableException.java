package de.eakte.api.keys;

/**
 * The data keys cannot be used with the configured key-encryption key (missing, unreadable, or
 * not the one that wrapped the stored keys), so the server refuses to start rather than seal
 * under a key nobody can open or fail on every read.
 */
public class KeysUnusableException extends RuntimeException {

    public KeysUnusableException(String message) {
        super(message);
    }
}
