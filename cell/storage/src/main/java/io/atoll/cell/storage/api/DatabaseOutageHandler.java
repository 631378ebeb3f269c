package io.atoll.cell.storage.api;

import io.atoll.cell.contracts.problem.ProblemException;
import io.atoll.cell.storage.config.DatabaseSettings;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;

import static java.util.Objects.requireNonNull;

/**
 * Answers 503 with Retry-After when the database could not be reached (no connection to be had, or the one in
 * use broken off): what the request changed was rolled back, and every write of storage may be sent again
 * (orders under the same Idempotency-Key). Any other failure stays a 500.
 */
abstract class DatabaseOutageHandler<E extends RuntimeException> implements ExceptionHandler<E, HttpResponse<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageHandler.class);

    private final ExceptionHandler<ProblemException, HttpResponse<?>> problems;
    private final DatabaseSettings database;

    DatabaseOutageHandler(ExceptionHandler<ProblemException, HttpResponse<?>> problems, DatabaseSettings database) {
        this.problems = requireNonNull(problems, "problems is null");
        this.database = requireNonNull(database, "database is null");
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, E failure) {
        if (!isOutage(failure)) {
            LOG.error("{} {} failed", request.getMethod(), request.getPath(), failure);
            return problems.handle(request, new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR, "Internal Server Error",
                    "The server could not complete the request."));
        }
        LOG.warn("{} {} answered 503, database unreachable: {}", request.getMethod(), request.getPath(), rootMessage(failure));
        return problems.handle(request, new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable",
                "The cell's database cannot be reached right now; send the same request again later.")
                .withHeader("Retry-After", String.valueOf(database.retryAfter().toSeconds())));
    }

    /** Whether the failure means the database could not be reached, rather than that it refused the statement. */
    abstract boolean isOutage(E failure);

    /** A connection exception (SQLState class 08) or the server shutting down or cutting the session (57P). */
    static boolean causedByLostConnection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
