package io.atoll.devstack.cli;

import io.atoll.devstack.platform.PlatformSettings;
import io.atoll.devstack.server.Endpoint;
import io.atoll.devstack.server.cassandra.CassandraNode;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where the platform's servers are; each option also reads an environment variable. */
final class PlatformOptions {
    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "${env:ATOLL_STATE_DIR:-.atoll}",
            description = "Data, logs and the record of started processes (env ATOLL_STATE_DIR; default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--postgres-host", paramLabel = "HOST", defaultValue = "${env:ATOLL_POSTGRES_HOST:-127.0.0.1}",
            description = "PostgreSQL host (env ATOLL_POSTGRES_HOST; default: ${DEFAULT-VALUE}).")
    String postgresHost;

    @Option(names = "--postgres-port", paramLabel = "PORT", defaultValue = "${env:ATOLL_POSTGRES_PORT:-5432}",
            converter = PortConverter.class,
            description = "PostgreSQL port; a server already there is used, else one is started (env ATOLL_POSTGRES_PORT; default: ${DEFAULT-VALUE}).")
    int postgresPort;

    @Option(names = "--rabbitmq-host", paramLabel = "HOST", defaultValue = "${env:ATOLL_RABBITMQ_HOST:-127.0.0.1}",
            description = "RabbitMQ host (env ATOLL_RABBITMQ_HOST; default: ${DEFAULT-VALUE}).")
    String rabbitmqHost;

    @Option(names = "--rabbitmq-port", paramLabel = "PORT", defaultValue = "${env:ATOLL_RABBITMQ_PORT:-5672}",
            converter = PortConverter.class,
            description = "RabbitMQ AMQP port; a broker already there is used, else a private node is started (env ATOLL_RABBITMQ_PORT; default: ${DEFAULT-VALUE}).")
    int rabbitmqPort;

    @Option(names = "--cassandra-host", paramLabel = "HOST", defaultValue = "${env:ATOLL_CASSANDRA_HOST:-127.0.0.1}",
            description = "Cassandra host; a host of another machine means an external Cassandra (env ATOLL_CASSANDRA_HOST; default: ${DEFAULT-VALUE}).")
    String cassandraHost;

    @Option(names = "--cassandra-port", paramLabel = "PORT", defaultValue = "${env:ATOLL_CASSANDRA_PORT:-9042}",
            converter = PortConverter.class,
            description = "Cassandra CQL port (env ATOLL_CASSANDRA_PORT; default: ${DEFAULT-VALUE}).")
    int cassandraPort;

    @Option(names = "--cassandra-storage-port", paramLabel = "PORT", defaultValue = "${env:ATOLL_CASSANDRA_STORAGE_PORT:-7000}",
            converter = PortConverter.class,
            description = "Cassandra inter-node port (env ATOLL_CASSANDRA_STORAGE_PORT; default: ${DEFAULT-VALUE}).")
    int cassandraStoragePort;

    @Option(names = "--cassandra-datacenter", paramLabel = "NAME", defaultValue = "${env:ATOLL_CASSANDRA_DATACENTER:-eu-west-1}",
            description = "The Cassandra node's datacenter (env ATOLL_CASSANDRA_DATACENTER; default: ${DEFAULT-VALUE}).")
    String cassandraDatacenter;

    @Option(names = "--cassandra-heap", paramLabel = "SIZE", defaultValue = "${env:ATOLL_CASSANDRA_HEAP:-1g}",
            description = "Cassandra's JVM heap, e.g. 512m or 1g (env ATOLL_CASSANDRA_HEAP; default: ${DEFAULT-VALUE}).")
    String cassandraHeap;

    PlatformSettings settings() {
        Endpoint cql = new Endpoint(cassandraHost, cassandraPort);
        return new PlatformSettings(stateDir.toAbsolutePath().normalize(),
                new Endpoint(postgresHost, postgresPort),
                new Endpoint(rabbitmqHost, rabbitmqPort),
                CassandraNode.single(cql, cassandraStoragePort, cassandraDatacenter, cassandraHeap));
    }
}
