package io.atoll.cell.app.api;

import io.atoll.cell.app.config.CassandraSettings;
import io.atoll.cell.app.store.StoreUnavailableException;
import io.atoll.cell.contracts.problem.ProblemException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Answers 503 with Retry-After while Cassandra cannot serve: the client keeps what it sent and sends it
 * again later, which every write of the app takes as the same request.
 */
@Singleton
final class StoreUnavailableHandler implements ExceptionHandler<StoreUnavailableException, HttpResponse<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(StoreUnavailableHandler.class);

    private final ExceptionHandler<ProblemException, HttpResponse<?>> problems;
    private final CassandraSettings cassandra;

    StoreUnavailableHandler(ExceptionHandler<ProblemException, HttpResponse<?>> problems, CassandraSettings cassandra) {
        this.problems = requireNonNull(problems, "problems is null");
        this.cassandra = requireNonNull(cassandra, "cassandra is null");
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, StoreUnavailableException unavailable) {
        LOG.warn("{} {} answered 503: {}", request.getMethod(), request.getPath(), unavailable.getMessage());
        return problems.handle(request, new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable",
                "The cell's data store cannot be reached right now; send the same request again later.")
                .withHeader("Retry-After", String.valueOf(cassandra.retryAfter().toSeconds())));
    }
}
