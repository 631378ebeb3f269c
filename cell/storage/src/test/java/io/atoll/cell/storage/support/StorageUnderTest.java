package io.atoll.cell.storage.support;

import io.atoll.cell.storage.api.Scopes;
import io.atoll.testing.PostgresDatabase;
import io.atoll.testing.RabbitVhost;
import io.atoll.testing.S3Bucket;
import io.atoll.testing.TestServers;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Storage as a test class uses it: a database, a vhost and a bucket of its own, its JWKS served by {@link ServiceTokens},
 * the service started on free ports (API and management). Services can be started and stopped on the same
 * database and vhost, as restarts of the same cell's storage.
 */
public final class StorageUnderTest implements AutoCloseable {
    private final PostgresDatabase database;
    private final RabbitVhost vhost;
    private final S3Bucket bucket;
    private final ServiceTokens tokens;

    private StorageUnderTest(PostgresDatabase database, RabbitVhost vhost, S3Bucket bucket, ServiceTokens tokens) {
        this.database = database;
        this.vhost = vhost;
        this.bucket = bucket;
        this.tokens = tokens;
    }

    public static StorageUnderTest create(String prefix) {
        return new StorageUnderTest(TestServers.postgres().createDatabase(prefix), TestServers.rabbitmq().createVhost(prefix),
                TestServers.s3().createBucket(prefix.replace('_', '-')), ServiceTokens.start());
    }

    /** The settings of a storage service on this database and vhost; {@code overrides} win. */
    public Map<String, Object> properties(Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", freePort());
        properties.put("endpoints.all.port", freePort());
        properties.put("atoll.cell.id", "eu-west-1");
        properties.put("atoll.cell.region", "eu-west-1");
        properties.put("atoll.storage.jwks-url", tokens.jwksUrl());
        properties.put("atoll.storage.database.url", database.jdbcUrl());
        properties.put("atoll.storage.database.migration-username", database.username());
        properties.put("atoll.storage.database.migration-password", database.password());
        properties.put("atoll.storage.s3.create-bucket", false);
        properties.putAll(vhost.micronautProperties());
        properties.putAll(bucket.micronautProperties());
        properties.putAll(overrides);
        return properties;
    }

    public EmbeddedServer start() {
        return start(Map.of());
    }

    public EmbeddedServer start(Map<String, Object> overrides) {
        return ApplicationContext.run(EmbeddedServer.class, properties(overrides), "test");
    }

    /** The API of that server with a token holding both storage scopes. */
    public Api api(EmbeddedServer server) {
        return new Api(server.getURI(), tokens.token(Scopes.READ + " " + Scopes.WRITE));
    }

    /** The management port of that server (health, metrics). */
    public static URI management(EmbeddedServer server) {
        return URI.create("http://127.0.0.1:" + server.getApplicationContext().getRequiredProperty("endpoints.all.port", Integer.class));
    }

    public ServiceTokens tokens() {
        return tokens;
    }

    public PostgresDatabase database() {
        return database;
    }

    public RabbitVhost vhost() {
        return vhost;
    }

    public S3Bucket bucket() {
        return bucket;
    }

    /** A connection as the schema owner, for a test to look at or arrange what the API does not show. */
    public Connection ownerConnection() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    public long count(String sql) {
        try (Connection connection = ownerConnection(); var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public void execute(String sql) {
        try (Connection connection = ownerConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            tokens.close();
            vhost.close();
            bucket.close();
        } finally {
            database.close();
        }
    }
}
