package io.atoll.cell.storage.api;

import io.atoll.cell.contracts.problem.ProblemException;
import io.atoll.cell.storage.config.DatabaseSettings;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A statement failed; an outage only if it failed because its connection was lost. */
@Singleton
final class LostConnectionHandler extends DatabaseOutageHandler<DataAccessException> {
    LostConnectionHandler(ExceptionHandler<ProblemException, HttpResponse<?>> problems, DatabaseSettings database) {
        super(problems, database);
    }

    @Override
    boolean isOutage(DataAccessException failure) {
        return causedByLostConnection(failure);
    }
}
