package io.atoll.cell.auth.support;

import io.atoll.testing.PostgresDatabase;
import io.atoll.testing.TestServers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** One cell's auth service on a database of its own, started on a free port. */
public final class AuthCell implements AutoCloseable {
    private final PostgresDatabase database;
    private final EmbeddedServer server;

    private AuthCell(PostgresDatabase database, EmbeddedServer server) {
        this.database = database;
        this.server = server;
    }

    /** Starts a cell; {@code settings} add to or override the test defaults. */
    public static AuthCell start(String cellId, int port, Map<String, Object> settings) {
        PostgresDatabase database = TestServers.postgres().createDatabase("auth");
        Map<String, Object> properties = new HashMap<>(database.micronautProperties("default"));
        properties.put("atoll.auth.ingress.port", port);
        properties.put("endpoints.all.port", freePort());
        properties.put("atoll.cell.id", cellId);
        properties.put("atoll.cell.region", cellId);
        properties.put("atoll.test.mutable-clock", "true");
        // Cheap hashes keep the tests fast; the cost itself is not what they are about.
        properties.put("atoll.auth.password-hash.memory-kib", 1024);
        properties.put("atoll.auth.password-hash.iterations", 1);
        properties.putAll(settings);
        return new AuthCell(database, ApplicationContext.run(EmbeddedServer.class, properties));
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An address on the management port: health with its details, metrics. */
    public URI managementUri(String path) {
        return URI.create("http://127.0.0.1:" + server.getApplicationContext().getRequiredProperty("endpoints.all.port", Integer.class) + path);
    }

    /** An address on the ingress, the cell's public port. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getApplicationContext().getRequiredProperty("atoll.auth.ingress.port", Integer.class) + path);
    }

    public <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    /** The count of one of the service's counters (one without tags). */
    public double count(String counterName) {
        return bean(MeterRegistry.class).counter(counterName).count();
    }

    public MutableClock clock() {
        return bean(MutableClock.class);
    }

    public PostgresDatabase database() {
        return database;
    }

    @Override
    public void close() {
        try {
            server.getApplicationContext().close();
        } finally {
            database.close();
        }
    }
}
