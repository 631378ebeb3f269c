package io.atoll.cell.app.api;

import io.atoll.cell.app.storage.StorageRefusedException;
import io.atoll.cell.contracts.problem.ProblemException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import static java.util.Objects.requireNonNull;

/** Tells the member what storage refused, with storage's status, title and detail, as a problem of the app's path. */
@Singleton
final class StorageRefusalHandler implements ExceptionHandler<StorageRefusedException, HttpResponse<?>> {
    private final ExceptionHandler<ProblemException, HttpResponse<?>> problems;

    StorageRefusalHandler(ExceptionHandler<ProblemException, HttpResponse<?>> problems) {
        this.problems = requireNonNull(problems, "problems is null");
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, StorageRefusedException refused) {
        ProblemException problem = new ProblemException(status(refused.status()), refused.title(), refused.detail());
        refused.retryAfter().ifPresent(seconds -> problem.withHeader("Retry-After", seconds));
        return problems.handle(request, problem);
    }

    private static HttpStatus status(int code) {
        try {
            return HttpStatus.valueOf(code);
        } catch (IllegalArgumentException unnamed) {
            return HttpStatus.BAD_REQUEST;
        }
    }
}
