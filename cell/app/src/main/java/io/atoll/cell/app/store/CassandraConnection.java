package io.atoll.cell.app.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Statement;
import io.atoll.cell.app.config.CassandraSettings;
import io.atoll.cell.app.config.CellSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The app's one session with the cell's Cassandra, built from {@link CassandraSettings} (micronaut-cassandra
 * has no release for Micronaut 4 on the Maven Central this project builds from, so this small bean does
 * its job). Every request runs at LOCAL_QUORUM, lightweight transactions at LOCAL_SERIAL.
 *
 * <p>The app starts whether or not Cassandra answers: until the first connection (and schema migration)
 * succeeds it keeps trying in the background, requests fail fast with {@link StoreUnavailableException}
 * and health reports DOWN. Once connected, the driver itself reconnects to nodes that come and go.
 */
@Context
public final class CassandraConnection {
    private static final Logger LOG = LoggerFactory.getLogger(CassandraConnection.class);
    /** Schema changes wait for every node to apply them; on a busy node that takes seconds. */
    private static final Duration SCHEMA_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final CassandraSettings settings;
    private final String keyspace;
    private final MeterRegistry meters;
    private final ScheduledExecutorService connector = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "cassandra-connect");
        thread.setDaemon(true);
        return thread;
    });
    private volatile CqlSession session;
    private volatile String problem = "not connected yet";
    private boolean closed;

    public CassandraConnection(CellSettings cell, CassandraSettings settings, MeterRegistry meters) {
        this.settings = requireNonNull(settings, "settings is null");
        this.keyspace = settings.keyspaceOf(cell);
        this.meters = requireNonNull(meters, "meters is null");
    }

    @PostConstruct
    void start() {
        if (!attempt()) {
            retryLater();
        }
    }

    public String keyspace() {
        return keyspace;
    }

    public String datacenter() {
        return settings.localDatacenter();
    }

    /** The session, or why there is none yet. */
    public CqlSession session() {
        CqlSession current = session;
        if (current == null) {
            throw new StoreUnavailableException("Cassandra not connected: " + problem);
        }
        return current;
    }

    public ResultSet execute(Statement<?> statement) {
        CqlSession current = session();
        try {
            return current.execute(statement);
        } catch (DriverException failure) {
            throw StoreUnavailableException.of(failure);
        } catch (IllegalStateException failure) {
            throw closedOr(current, failure);
        }
    }

    /** Sends the statement without waiting; the result fails with the same exceptions {@link #execute} throws. */
    public CompletableFuture<AsyncResultSet> executeAsync(Statement<?> statement) {
        CqlSession current = session();
        CompletableFuture<AsyncResultSet> result = new CompletableFuture<>();
        current.executeAsync(statement).whenComplete((rows, failure) -> {
            Throwable cause = failure instanceof CompletionException wrapped && wrapped.getCause() != null ? wrapped.getCause() : failure;
            if (cause == null) {
                result.complete(rows);
            } else if (cause instanceof DriverException driverFailure) {
                result.completeExceptionally(StoreUnavailableException.of(driverFailure));
            } else if (cause instanceof IllegalStateException stateFailure) {
                result.completeExceptionally(closedOr(current, stateFailure));
            } else {
                result.completeExceptionally(cause);
            }
        });
        return result;
    }

    /** Sends the statements at once; completes when all have completed. */
    public CompletableFuture<Void> executeAllAsync(List<? extends Statement<?>> statements) {
        return CompletableFuture.allOf(statements.stream().map(this::executeAsync).toArray(CompletableFuture[]::new));
    }

    /** A closed session (the app is shutting down) is an outage for the request, not a bug. */
    private static RuntimeException closedOr(CqlSession session, IllegalStateException failure) {
        return session.isClosed() ? new StoreUnavailableException("Cassandra session closed", failure) : failure;
    }

    /** Something made from the session once, when first needed after connecting: prepared statements. */
    public <T> Supplier<T> onceConnected(Function<CqlSession, T> factory) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T made = value;
                if (made == null) {
                    synchronized (this) {
                        if (value == null) {
                            value = make();
                        }
                        made = value;
                    }
                }
                return made;
            }

            private T make() {
                try {
                    return factory.apply(session());
                } catch (DriverException failure) {
                    throw StoreUnavailableException.of(failure);
                }
            }
        };
    }

    @PreDestroy
    synchronized void close() {
        closed = true;
        connector.shutdownNow();
        if (session != null) {
            session.close();
        }
    }

    private synchronized boolean attempt() {
        if (closed) {
            return true;
        }
        try {
            try (CqlSession admin = builder(false).build()) {
                new CassandraSchema(keyspace, settings.replicationFactors()).migrate(admin);
            }
            session = builder(true).withKeyspace(keyspace).build();
            LOG.info("Connected to Cassandra at {} (datacenter {}, keyspace {})", settings.contactPoints(), settings.localDatacenter(), keyspace);
            return true;
        } catch (RuntimeException failure) {
            problem = failure.getMessage();
            LOG.warn("Cassandra at {} not usable yet, trying again in {}: {}", settings.contactPoints(), settings.reconnectInterval(), problem);
            return false;
        }
    }

    private void retryLater() {
        connector.schedule(() -> {
            if (!attempt()) {
                retryLater();
            }
        }, settings.reconnectInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The app's session ({@code forRequests}), or the short-lived one that migrates the schema. */
    private CqlSessionBuilder builder(boolean forRequests) {
        ProgrammaticDriverConfigLoaderBuilder config = DriverConfigLoader.programmaticBuilder()
                .withString(DefaultDriverOption.REQUEST_CONSISTENCY, "LOCAL_QUORUM")
                // The migration lock must hold across datacenters: cells of several regions share a keyspace.
                .withString(DefaultDriverOption.REQUEST_SERIAL_CONSISTENCY, forRequests ? "LOCAL_SERIAL" : "SERIAL")
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, forRequests ? settings.requestTimeout() : SCHEMA_REQUEST_TIMEOUT)
                .withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, settings.connectTimeout())
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, settings.connectTimeout())
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, settings.connectTimeout())
                .withString(DefaultDriverOption.SESSION_NAME, forRequests ? "app" : "app-schema");
        CqlSessionBuilder builder = CqlSession.builder();
        if (!forRequests) {
            // cassandra-migration switches its session to the keyspace with USE, by design.
            config.withBoolean(DefaultDriverOption.REQUEST_WARN_IF_SET_KEYSPACE, false);
        }
        if (forRequests) {
            config.withString(DefaultDriverOption.METRICS_FACTORY_CLASS, "MicrometerMetricsFactory")
                    .withStringList(DefaultDriverOption.METRICS_SESSION_ENABLED, List.of("connected-nodes", "cql-requests", "cql-client-timeouts"));
            builder.withMetricRegistry(meters);
        }
        return builder.addContactPoints(settings.contactPointAddresses())
                .withLocalDatacenter(settings.localDatacenter())
                .withConfigLoader(config.build());
    }
}
