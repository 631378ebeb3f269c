package io.atoll.cell.storage.api;

import io.atoll.cell.contracts.problem.ProblemException;
import io.atoll.cell.storage.domain.Refusal;
import io.atoll.cell.storage.domain.RefusedException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import static java.util.Objects.requireNonNull;

/** Answers a domain refusal as the problem+json of its status. */
@Singleton
final class RefusalHandler implements ExceptionHandler<RefusedException, HttpResponse<?>> {
    private final ExceptionHandler<ProblemException, HttpResponse<?>> problems;

    RefusalHandler(ExceptionHandler<ProblemException, HttpResponse<?>> problems) {
        this.problems = requireNonNull(problems, "problems is null");
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, RefusedException refused) {
        return problems.handle(request, new ProblemException(status(refused.refusal()), refused.title(), refused.getMessage()));
    }

    private static HttpStatus status(Refusal refusal) {
        return switch (refusal) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case TOO_LARGE -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            case LENGTH_REQUIRED -> HttpStatus.LENGTH_REQUIRED;
            case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
        };
    }
}
