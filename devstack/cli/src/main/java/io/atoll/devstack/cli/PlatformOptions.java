package io.atoll.devstack.cli;

import io.atoll.devstack.platform.CellHeaps;
import io.atoll.devstack.platform.CoreDatabases;
import io.atoll.devstack.platform.DataAccessServers;
import io.atoll.devstack.platform.PlatformSettings;
import io.atoll.devstack.platform.RouterServices;
import io.atoll.devstack.platform.WorkerSettings;
import io.atoll.devstack.server.Endpoint;
import io.atoll.devstack.platform.PlatformException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where the platform's servers are; each option also reads an environment variable. `up` records the values it
 * ran with in the state folder, and the commands that act on that platform later read them back from there.
 */
final class PlatformOptions {
    /** The options of the last `up`, one {@code --name=value} a line, relative to the state folder. */
    static final String RECORD_FILE = "up-options";

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

    @Option(names = "--postgres-primary-port", paramLabel = "PORT", defaultValue = "${env:ATOLL_POSTGRES_PRIMARY_PORT:-5442}",
            converter = PortConverter.class,
            description = "The PostgreSQL primary Atoll runs the cells' core databases on, on this machine (env ATOLL_POSTGRES_PRIMARY_PORT; default: ${DEFAULT-VALUE}).")
    int postgresPrimaryPort;

    @Option(names = "--postgres-replica-port", paramLabel = "PORT", defaultValue = "${env:ATOLL_POSTGRES_REPLICA_PORT:-5443}",
            converter = PortConverter.class,
            description = "The primary's streaming read replica, where analytics logs in (env ATOLL_POSTGRES_REPLICA_PORT; default: ${DEFAULT-VALUE}).")
    int postgresReplicaPort;

    @Option(names = "--trino-port", paramLabel = "PORT", defaultValue = "${env:ATOLL_TRINO_PORT:-8090}", converter = PortConverter.class,
            description = "Trino's HTTP port, its own traffic (env ATOLL_TRINO_PORT; default: ${DEFAULT-VALUE}).")
    int trinoPort;

    @Option(names = "--trino-https-port", paramLabel = "PORT", defaultValue = "${env:ATOLL_TRINO_HTTPS_PORT:-8443}",
            converter = PortConverter.class,
            description = "Trino's HTTPS port, where people log in with a password (env ATOLL_TRINO_HTTPS_PORT; default: ${DEFAULT-VALUE}).")
    int trinoHttpsPort;

    @Option(names = "--data-access-port", paramLabel = "PORT", defaultValue = "${env:ATOLL_DATA_ACCESS_PORT:-8100}",
            converter = PortConverter.class,
            description = "The data-access service (team console); its management port is this + 1000 (env ATOLL_DATA_ACCESS_PORT; "
                    + "default: ${DEFAULT-VALUE}).")
    int dataAccessPort;

    @Option(names = "--rabbitmq-host", paramLabel = "HOST", defaultValue = "${env:ATOLL_RABBITMQ_HOST:-127.0.0.1}",
            description = "RabbitMQ host (env ATOLL_RABBITMQ_HOST; default: ${DEFAULT-VALUE}).")
    String rabbitmqHost;

    @Option(names = "--rabbitmq-port", paramLabel = "PORT", defaultValue = "${env:ATOLL_RABBITMQ_PORT:-5672}",
            converter = PortConverter.class,
            description = "RabbitMQ AMQP port; a broker already there is used, else a private node is started (env ATOLL_RABBITMQ_PORT; default: ${DEFAULT-VALUE}).")
    int rabbitmqPort;

    @Option(names = "--s3-host", paramLabel = "HOST", defaultValue = "${env:ATOLL_S3_HOST:-127.0.0.1}",
            description = "The object store's S3 host (env ATOLL_S3_HOST; default: ${DEFAULT-VALUE}).")
    String s3Host;

    @Option(names = "--s3-port", paramLabel = "PORT", defaultValue = "${env:ATOLL_S3_PORT:-8333}",
            converter = PortConverter.class,
            description = "The object store's S3 port; an S3 server there that accepts the local account is used, else S3Proxy is started (env ATOLL_S3_PORT; default: ${DEFAULT-VALUE}).")
    int s3Port;

    @Option(names = "--cassandra-host", paramLabel = "HOST", defaultValue = "${env:ATOLL_CASSANDRA_HOST:-127.0.0.1}",
            description = "The first Cassandra node's host; a host of another machine means an external Cassandra (env ATOLL_CASSANDRA_HOST; default: ${DEFAULT-VALUE}).")
    String cassandraHost;

    @Option(names = "--cassandra-port", paramLabel = "PORT", defaultValue = "${env:ATOLL_CASSANDRA_PORT:-9042}",
            converter = PortConverter.class,
            description = "Cassandra CQL port (env ATOLL_CASSANDRA_PORT; default: ${DEFAULT-VALUE}).")
    int cassandraPort;

    @Option(names = "--cassandra-storage-port", paramLabel = "PORT", defaultValue = "${env:ATOLL_CASSANDRA_STORAGE_PORT:-7000}",
            converter = PortConverter.class,
            description = "Cassandra inter-node port (env ATOLL_CASSANDRA_STORAGE_PORT; default: ${DEFAULT-VALUE}).")
    int cassandraStoragePort;

    @Option(names = "--regions", paramLabel = "R1,R2", split = ",", defaultValue = "${env:ATOLL_REGIONS:-eu-west-1,us-east-1}",
            description = "The cells' regions; each gets a Cassandra datacenter, node k on the k-th loopback address (env ATOLL_REGIONS; default: ${DEFAULT-VALUE}).")
    List<String> regions;

    @Option(names = "--cassandra-heap", paramLabel = "SIZE", defaultValue = "${env:ATOLL_CASSANDRA_HEAP:-1g}",
            description = "Each Cassandra node's JVM heap, e.g. 512m or 1g (env ATOLL_CASSANDRA_HEAP; default: ${DEFAULT-VALUE}).")
    String cassandraHeap;

    @Option(names = "--cell-base-port", paramLabel = "PORT", defaultValue = "${env:ATOLL_CELL_BASE_PORT:-8110}",
            converter = PortConverter.class,
            description = "The first cell's ingress (auth) port; its app, storage and workers take the next three ports, cell k starts 10k higher (env ATOLL_CELL_BASE_PORT; default: ${DEFAULT-VALUE}).")
    int cellBasePort;

    @Option(names = "--router-port", paramLabel = "PORT", defaultValue = "${env:ATOLL_ROUTER_PORT:-8080}", converter = PortConverter.class,
            description = "The global router's data plane, where the mobile app connects (env ATOLL_ROUTER_PORT; default: ${DEFAULT-VALUE}).")
    int routerPort;

    @Option(names = "--router-admin-port", paramLabel = "PORT", defaultValue = "${env:ATOLL_ROUTER_ADMIN_PORT:-8081}", converter = PortConverter.class,
            description = "The router's admin API and page (env ATOLL_ROUTER_ADMIN_PORT; default: ${DEFAULT-VALUE}).")
    int routerAdminPort;

    @Option(names = "--servers-only", description = "Only the servers (PostgreSQL and the core primary/replica, RabbitMQ, S3Proxy, Cassandra), not the cells' services.")
    boolean serversOnly;

    /** Keeps the values in force (given, from the environment or by default) for the later commands. */
    static void record(Path stateDir, CommandSpec options) {
        List<String> lines = new ArrayList<>();
        for (OptionSpec option : options.options()) {
            Object value = option.getValue();
            if (option.longestName().equals("--state-dir") || value == null) {
                continue;
            }
            if (value instanceof Boolean set) {
                if (set) {
                    lines.add(option.longestName());
                }
            } else {
                String text = value instanceof List<?> list ? list.stream().map(String::valueOf).collect(Collectors.joining(",")) : value.toString();
                lines.add(option.longestName() + "=" + text);
            }
        }
        try {
            Files.createDirectories(stateDir);
            Files.write(stateDir.resolve(RECORD_FILE), lines);
        } catch (IOException e) {
            throw new PlatformException("could not record the settings in " + stateDir + ": " + e.getMessage(), e);
        }
    }

    /** The options `up` recorded in {@code stateDir}, or the defaults when it recorded none there. */
    static PlatformOptions recorded(Path stateDir) {
        Path file = stateDir.resolve(RECORD_FILE);
        List<String> arguments = new ArrayList<>();
        try {
            if (Files.exists(file)) {
                arguments.addAll(Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList());
            }
        } catch (IOException e) {
            throw new PlatformException("could not read " + file + ": " + e.getMessage(), e);
        }
        arguments.add("--state-dir=" + stateDir);
        PlatformOptions options = new PlatformOptions();
        try {
            new CommandLine(options).parseArgs(arguments.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new PlatformException(file + " is not what `up` writes (" + e.getMessage() + "); run `./atoll up` again", e);
        }
        return options;
    }

    PlatformSettings settings() {
        Path checkout = checkout();
        Optional<Path> repository = serversOnly ? Optional.empty() : Optional.of(checkout);
        try {
            return new PlatformSettings(stateDir.toAbsolutePath().normalize(), new Endpoint(postgresHost, postgresPort),
                    new Endpoint(rabbitmqHost, rabbitmqPort), new Endpoint(s3Host, s3Port), new Endpoint(cassandraHost, cassandraPort),
                    cassandraStoragePort, cassandraHeap, regions, cellBasePort,
                    new RouterServices(Endpoint.loopback(routerPort), Endpoint.loopback(routerAdminPort)), repository, CellHeaps.LOCAL,
                    WorkerSettings.LOCAL, new CoreDatabases(Endpoint.loopback(postgresPrimaryPort), Endpoint.loopback(postgresReplicaPort),
                            new RepositoryTeamScopes(scopesDirectory())),
                    Optional.of(new DataAccessServers(Endpoint.loopback(trinoPort), trinoHttpsPort, Endpoint.loopback(dataAccessPort))));
        } catch (IllegalArgumentException e) {
            throw new PlatformException(e.getMessage(), e);
        }
    }

    /** The checkout `atoll` runs from, as the launcher says: the services' JARs are built there. */
    static Path checkout() {
        String home = System.getenv("ATOLL_HOME");
        return Path.of(home != null ? home : ".").toAbsolutePath().normalize();
    }

    /** The data teams' scope files in the checkout. */
    static Path scopesDirectory() {
        return checkout().resolve("data-access/scopes");
    }
}
