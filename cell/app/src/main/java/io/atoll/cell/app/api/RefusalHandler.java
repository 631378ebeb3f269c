package io.atoll.cell.app.api;

import io.atoll.cell.app.config.FeedSettings;
import io.atoll.cell.app.domain.Refusal;
import io.atoll.cell.app.domain.RefusedException;
import io.atoll.cell.contracts.problem.ProblemException;
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
    private final FeedSettings feed;

    RefusalHandler(ExceptionHandler<ProblemException, HttpResponse<?>> problems, FeedSettings feed) {
        this.problems = requireNonNull(problems, "problems is null");
        this.feed = requireNonNull(feed, "feed is null");
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, RefusedException refused) {
        ProblemException problem = new ProblemException(status(refused.refusal()), refused.title(), refused.getMessage());
        if (refused.refusal() == Refusal.TRY_LATER) {
            // By then every earlier attempt has finished one way or the other.
            problem.withHeader("Retry-After", String.valueOf(feed.settleDelay().toSeconds() + 1));
        }
        return problems.handle(request, problem);
    }

    private static HttpStatus status(Refusal refusal) {
        return switch (refusal) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case GONE -> HttpStatus.GONE;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case TOO_LARGE -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            case LENGTH_REQUIRED -> HttpStatus.LENGTH_REQUIRED;
            case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case TRY_LATER -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }
}
