package io.atoll.devstack.server.trino;

import java.io.IOException;

import static java.util.Objects.requireNonNull;

/** Trino answered a statement with an error (or refused the login). */
public final class TrinoQueryException extends IOException {
    private final String errorName;

    public TrinoQueryException(String errorName, String message) {
        super(message);
        this.errorName = requireNonNull(errorName, "errorName is null");
    }

    /** Trino's name of the error, e.g. {@code PERMISSION_DENIED} or {@code NO_NODES_AVAILABLE}. */
    public String errorName() {
        return errorName;
    }
}
