package io.atoll.cell.auth.api;

import io.atoll.cell.auth.domain.AccountRequestException;
import io.atoll.cell.auth.domain.DuplicateAccountException;
import io.atoll.cell.contracts.problem.ProblemException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import static java.util.Objects.requireNonNull;

/** Answers an account that cannot be created as asked: 409 when the name is taken, 400 for anything else. */
@Singleton
final class AccountRequestHandler implements ExceptionHandler<AccountRequestException, HttpResponse<?>> {
    private final ExceptionHandler<ProblemException, HttpResponse<?>> problems;

    AccountRequestHandler(ExceptionHandler<ProblemException, HttpResponse<?>> problems) {
        this.problems = requireNonNull(problems, "problems is null");
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, AccountRequestException refused) {
        ProblemException problem = refused instanceof DuplicateAccountException
                ? new ProblemException(HttpStatus.CONFLICT, "Account exists", refused.getMessage())
                : new ProblemException(HttpStatus.BAD_REQUEST, "Invalid account", refused.getMessage());
        return problems.handle(request, problem);
    }
}
