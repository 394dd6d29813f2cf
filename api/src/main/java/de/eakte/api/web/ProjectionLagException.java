package de.eakte.api.web;

/** The read model has not reached the version the reader named within the wait bound. */
public class ProjectionLagException extends RuntimeException {

    public ProjectionLagException(String message) {
        super(message);
    }
}
