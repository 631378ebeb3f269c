package io.atoll.cell.app.store;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NodeUnavailableException;
import com.datastax.oss.driver.api.core.RequestThrottlingException;
import com.datastax.oss.driver.api.core.connection.BusyConnectionException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.connection.ConnectionInitException;
import com.datastax.oss.driver.api.core.connection.HeartbeatException;
import com.datastax.oss.driver.api.core.servererrors.BootstrappingException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.QueryExecutionException;
import com.datastax.oss.driver.api.core.servererrors.ServerError;

/**
 * Cassandra could not answer now: unreachable, timed out, short of replicas or overloaded. The request may
 * or may not have taken effect; the client retries it later, which every write of this app tolerates.
 */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message) {
        super(message);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The failure as it should travel on: a {@code StoreUnavailableException} if retrying later may succeed,
     * the driver's own exception if the request itself is wrong.
     */
    public static RuntimeException of(DriverException failure) {
        return retryable(failure) ? new StoreUnavailableException("Cassandra unavailable: " + failure.getMessage(), failure) : failure;
    }

    private static boolean retryable(DriverException failure) {
        return failure instanceof AllNodesFailedException
                || failure instanceof DriverTimeoutException
                || failure instanceof NodeUnavailableException
                || failure instanceof RequestThrottlingException
                || failure instanceof BusyConnectionException
                || failure instanceof ClosedConnectionException
                || failure instanceof ConnectionInitException
                || failure instanceof HeartbeatException
                || failure instanceof QueryExecutionException
                || failure instanceof OverloadedException
                || failure instanceof BootstrappingException
                || failure instanceof ServerError;
    }
}
