package de.eakte.core.crypto;

/**
 * A sealed value failed authentication: it was altered, or moved to another aggregate, field or
 * key. Unlike a destroyed key this is never normal, so it stops the reader loudly.
 */
public class SealBrokenException extends RuntimeException {

    public SealBrokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
