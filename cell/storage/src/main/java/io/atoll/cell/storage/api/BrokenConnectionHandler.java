package io.atoll.cell.storage.api;

import io.atoll.cell.contracts.problem.ProblemException;
import io.atoll.cell.storage.config.DatabaseSettings;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** The connection in use was closed under the transaction (the server restarted or cut the session). */
@Singleton
final class BrokenConnectionHandler extends DatabaseOutageHandler<ConnectionException> {
    BrokenConnectionHandler(ExceptionHandler<ProblemException, HttpResponse<?>> problems, DatabaseSettings database) {
        super(problems, database);
    }

    @Override
    boolean isOutage(ConnectionException failure) {
        return true;
    }
}
