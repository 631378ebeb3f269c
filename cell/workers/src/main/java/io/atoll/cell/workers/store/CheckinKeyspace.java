package io.atoll.cell.workers.store;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.InvalidKeyspaceException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;

import static java.util.Objects.requireNonNull;

/**
 * A session with the app's keyspace, opened when first needed: the cleanup runs now and then, and the workers
 * start and serve their queues whether Cassandra answers or not. Reads and writes run at LOCAL_QUORUM,
 * lightweight transactions at LOCAL_SERIAL (only this cell's workers contend for its lease).
 */
public final class CheckinKeyspace implements AutoCloseable {
    private final CassandraSettings settings;
    private final String name;
    private CqlSession session;
    private boolean closed;

    public CheckinKeyspace(CassandraSettings settings, String name) {
        this.settings = requireNonNull(settings, "settings is null");
        this.name = requireNonNull(name, "name is null");
    }

    public String name() {
        return name;
    }

    public synchronized CqlSession session() {
        if (closed) {
            throw new IllegalStateException("the Cassandra session of keyspace " + name + " is closed");
        }
        if (session == null) {
            session = open();
        }
        return session;
    }

    private CqlSession open() {
        DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
                .withString(DefaultDriverOption.REQUEST_CONSISTENCY, "LOCAL_QUORUM")
                .withString(DefaultDriverOption.REQUEST_SERIAL_CONSISTENCY, "LOCAL_SERIAL")
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, settings.requestTimeout())
                .withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, settings.connectTimeout())
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, settings.connectTimeout())
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, settings.connectTimeout())
                .withString(DefaultDriverOption.SESSION_NAME, "workers-cleanup")
                .build();
        try {
            return CqlSession.builder()
                    .addContactPoints(settings.contactPointAddresses())
                    .withLocalDatacenter(settings.localDatacenter())
                    .withKeyspace(name)
                    .withConfigLoader(config)
                    .build();
        } catch (AllNodesFailedException unreachable) {
            // The driver's own message names every node with its whole failure; the log keeps that, the message stays short.
            IllegalStateException failure = new IllegalStateException("no Cassandra node at " + settings.contactPoints() + " (datacenter "
                    + settings.localDatacenter() + ") could be reached");
            failure.addSuppressed(unreachable);
            throw failure;
        } catch (InvalidKeyspaceException missing) {
            throw new IllegalStateException("Cassandra at " + settings.contactPoints() + " has no keyspace " + name
                    + " (the app creates it when it first starts)", missing);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (session != null) {
            session.close();
        }
    }
}
