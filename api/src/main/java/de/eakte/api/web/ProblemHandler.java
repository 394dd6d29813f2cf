package de.eakte.api.web;

import de.eakte.api.access.AccessDeniedByPolicy;
import de.eakte.core.access.AccessNotRecordedException;
import de.eakte.core.shared.DomainRuleViolation;
import de.eakte.core.shared.InvalidValueException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

import java.net.URI;
import java.util.stream.Collectors;

/**
 * Every error leaves as an RFC 9457 problem: client mistakes name the field and the rule, domain
 * refusals their rule, and anything unexpected a plain 500 without internals.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(InvalidValueException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidValueException e) {
        return respond(Problems.invalid(e.field(), e.rule(), e.getMessage()));
    }

    @ExceptionHandler(DomainRuleViolation.class)
    ResponseEntity<ProblemDetail> refused(DomainRuleViolation e) {
        ProblemDetail problem = switch (e.kind()) {
            case INVALID -> Problems.invalid(e.field(), e.rule(), e.getMessage());
            case CONFLICT -> Problems.of(HttpStatus.CONFLICT, e.rule(), "Not possible in the current state", e.getMessage());
            case FORBIDDEN -> Problems.of(HttpStatus.FORBIDDEN, e.rule(), "Forbidden", e.getMessage());
            case NOT_FOUND -> Problems.of(HttpStatus.NOT_FOUND, e.rule(), "Not found", e.getMessage());
            case GONE -> Problems.of(HttpStatus.GONE, e.rule(), "Gone", e.getMessage());
        };
        if (e.kind() != DomainRuleViolation.Kind.INVALID) {
            problem.setProperty("rule", e.rule());
            if (e.field() != null) {
                problem.setProperty("field", e.field());
            }
        }
        return respond(problem);
    }

    @ExceptionHandler(AccessDeniedByPolicy.class)
    ResponseEntity<ProblemDetail> deniedByPolicy(AccessDeniedByPolicy e) {
        ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "access-denied", "Access denied", e.getMessage());
        problem.setProperty("rule", e.rule());
        return respond(problem);
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof DomainRuleViolation v) {
            return refused(v);
        }
        if (cause instanceof InvalidValueException v) {
            return invalid(v);
        }
        return unexpected(e);
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> stale(ConflictingAggregateVersionException e) {
        ProblemDetail problem = Problems.of(HttpStatus.PRECONDITION_FAILED, "stale-version", "Stale version",
                "The resource has changed since the version named in If-Match; read it again and retry.");
        problem.setProperty("currentVersion", e.getActualVersion());
        return respond(problem);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrencyException e) {
        return respond(Problems.of(HttpStatus.CONFLICT, "concurrent-change", "Concurrent change",
                "Another change to the same resource was stored at the same moment; read it again and retry."));
    }

    /** Not found, or an id of another kind of resource (a citizen's id where a case's belongs). */
    @ExceptionHandler({AggregateNotFoundException.class, IncompatibleAggregateException.class})
    ResponseEntity<ProblemDetail> notFound(Exception e) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such resource."));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }

    @ExceptionHandler(PreconditionException.class)
    ResponseEntity<ProblemDetail> precondition(PreconditionException e) {
        return respond(Problems.of(e.status(), e.code(), e.title(), e.getMessage()));
    }

    @ExceptionHandler(AccessNotRecordedException.class)
    ResponseEntity<ProblemDetail> notRecorded(AccessNotRecordedException e) {
        log.error("access entry not stored, data withheld", e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "access-log-unavailable", "Access log unavailable",
                        "The access could not be recorded, so no data is returned. Retry shortly."));
    }

    @ExceptionHandler(ProjectionLagException.class)
    ResponseEntity<ProblemDetail> lag(ProjectionLagException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "not-yet-consistent", "Not yet consistent",
                        e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected error", e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The request could not be completed. Nothing was changed unless a success was reported."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpEdgeFilter.BodyTooLargeException) {
                return new ResponseEntity<>(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                        "Request body too large", t.getMessage()), noStore(), HttpStatus.CONTENT_TOO_LARGE);
            }
        }
        String field = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidValueException v) {
                return new ResponseEntity<>(Problems.invalid(v.field(), v.rule(), v.getMessage()), noStore(), HttpStatus.BAD_REQUEST);
            }
            if (t instanceof DatabindException d && !d.getPath().isEmpty()) {
                field = d.getPath().stream()
                        .map(r -> r.getPropertyName() != null ? r.getPropertyName() : String.valueOf(r.getIndex()))
                        .collect(Collectors.joining("."));
                break;
            }
            if (t instanceof JacksonException) {
                break;
            }
        }
        ProblemDetail problem = field == null
                ? Problems.invalid(null, "json", "The request body is not valid JSON of the expected shape.")
                : Problems.invalid(field, "type", field + " has the wrong type or format.");
        return new ResponseEntity<>(problem, noStore(), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null
                || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(URI.create(Problems.TYPE_PREFIX + "http-" + status.value()));
        }
        HttpHeaders merged = new HttpHeaders();
        if (headers != null) {
            merged.putAll(headers);
        }
        merged.setCacheControl("no-store");
        return new ResponseEntity<>(body, merged, status);
    }

    private static HttpHeaders noStore() {
        HttpHeaders headers = new HttpHeaders();
        headers.setCacheControl("no-store");
        return headers;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).headers(noStore()).body(problem);
    }
}
