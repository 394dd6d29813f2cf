package de.eakte.api.security;

/** The server cannot tell which tokens to trust, so it refuses to start. */
public class IssuerNotConfiguredException extends RuntimeException {

    public IssuerNotConfiguredException(String message) {
        super(message);
    }
}
