package io.atoll.devstack.platform;

import io.atoll.devstack.server.Endpoint;
import io.atoll.devstack.server.Server;
import io.atoll.devstack.server.cassandra.CassandraNode;
import io.atoll.devstack.server.cassandra.CassandraServer;
import io.atoll.devstack.server.postgres.PostgresServer;
import io.atoll.devstack.server.rabbitmq.RabbitServer;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * Where the local platform's servers are and where it keeps its state.
 *
 * @param stateDir the folder for data, logs and the record of started processes
 * @param postgres PostgreSQL's address; a running server there is used as it is
 * @param rabbitmq RabbitMQ's address; a running broker there is used as it is
 * @param cassandra the Cassandra node the platform runs (or finds running at its address)
 */
public record PlatformSettings(Path stateDir, Endpoint postgres, Endpoint rabbitmq, CassandraNode cassandra) {
    public PlatformSettings {
        requireNonNull(stateDir, "stateDir is null");
        requireNonNull(postgres, "postgres is null");
        requireNonNull(rabbitmq, "rabbitmq is null");
        requireNonNull(cassandra, "cassandra is null");
    }

    public List<Server> servers() {
        return List.of(
                new PostgresServer(postgres, "postgres"),
                new RabbitServer(rabbitmq, "guest", "guest"),
                new CassandraServer(cassandra));
    }

    public LocalPlatform platform() {
        return new LocalPlatform(stateDir, List.of(servers()), OptionalLong.empty());
    }
}
