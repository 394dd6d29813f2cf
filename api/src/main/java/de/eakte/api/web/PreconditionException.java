package de.eakte.api.web;

import org.springframework.http.HttpStatus;

/** A request header broke its rule (If-Match, Idempotency-Key, Consistency-Token). */
public class PreconditionException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String title;

    public PreconditionException(HttpStatus status, String code, String title, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }
}
