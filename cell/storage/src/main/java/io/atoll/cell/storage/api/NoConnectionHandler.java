package io.atoll.cell.storage.api;

import io.atoll.cell.contracts.problem.ProblemException;
import io.atoll.cell.storage.config.DatabaseSettings;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** The pool had no connection to give within its timeout: the database is away. */
@Singleton
final class NoConnectionHandler extends DatabaseOutageHandler<CannotGetJdbcConnectionException> {
    NoConnectionHandler(ExceptionHandler<ProblemException, HttpResponse<?>> problems, DatabaseSettings database) {
        super(problems, database);
    }

    @Override
    boolean isOutage(CannotGetJdbcConnectionException failure) {
        return true;
    }
}
