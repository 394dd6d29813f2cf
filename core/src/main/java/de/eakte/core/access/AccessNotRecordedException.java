package de.eakte.core.access;

/** The access entry could not be made durable, so the data must not leave. */
public class AccessNotRecordedException extends RuntimeException {

    public AccessNotRecordedException(String message, Throwable cause) {
        super(message, cause);
    }
}
