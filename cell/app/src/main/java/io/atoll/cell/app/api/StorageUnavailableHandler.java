package io.atoll.cell.app.api;

import io.atoll.cell.app.config.StorageSettings;
import io.atoll.cell.app.storage.StorageUnavailableException;
import io.atoll.cell.contracts.problem.ProblemException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Answers 503 with Retry-After while storage cannot serve. Storage writes nothing half-way (each of its writes is
 * one transaction), so the member sends the same request again later.
 */
@Singleton
final class StorageUnavailableHandler implements ExceptionHandler<StorageUnavailableException, HttpResponse<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(StorageUnavailableHandler.class);

    private final ExceptionHandler<ProblemException, HttpResponse<?>> problems;
    private final StorageSettings storage;

    StorageUnavailableHandler(ExceptionHandler<ProblemException, HttpResponse<?>> problems, StorageSettings storage) {
        this.problems = requireNonNull(problems, "problems is null");
        this.storage = requireNonNull(storage, "storage is null");
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, StorageUnavailableException unavailable) {
        LOG.warn("{} {} answered 503: {}", request.getMethod(), request.getPath(), unavailable.getMessage());
        Duration retryAfter = unavailable.retryAfter().filter(asked -> asked.compareTo(storage.retryAfter()) > 0).orElse(storage.retryAfter());
        return problems.handle(request, new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable",
                "Orders, uploads and profiles cannot be reached right now; send the same request again later.")
                .withHeader("Retry-After", String.valueOf(Math.max(1, retryAfter.toSeconds()))));
    }
}
