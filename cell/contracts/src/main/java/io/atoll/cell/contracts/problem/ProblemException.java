package io.atoll.cell.contracts.problem;

import io.micronaut.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** A request the service refuses, answered as problem+json with this status, title and detail. */
public class ProblemException extends RuntimeException {
    private final HttpStatus status;
    private final String title;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = requireNonNull(status, "status is null");
        this.title = requireNonNull(title, "title is null");
    }

    /** Adds a response header, such as {@code Retry-After} on a 429 or 503. */
    public ProblemException withHeader(String name, String value) {
        headers.put(requireNonNull(name, "name is null"), requireNonNull(value, "value is null"));
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }
}
