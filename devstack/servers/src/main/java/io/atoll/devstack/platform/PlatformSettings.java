package io.atoll.devstack.platform;

import io.atoll.devstack.server.Endpoint;
import io.atoll.devstack.server.Server;
import io.atoll.devstack.server.cassandra.CassandraNode;
import io.atoll.devstack.server.cassandra.CassandraServer;
import io.atoll.devstack.server.postgres.PostgresServer;
import io.atoll.devstack.server.rabbitmq.RabbitServer;
import io.atoll.devstack.server.s3.S3Account;
import io.atoll.devstack.server.s3.S3ProxyServer;
import io.atoll.devstack.server.trino.TrinoServer;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * Where the local platform's servers are and where it keeps its state.
 *
 * @param stateDir the folder for data, logs and the record of started processes
 * @param postgres PostgreSQL's address; a running server there is used as it is
 * @param rabbitmq RabbitMQ's address; a running broker there is used as it is
 * @param s3 the object store's S3 address; a running S3 server there that accepts the local account is used as it is
 * @param cassandra the first Cassandra node's CQL address (or an external cluster's contact point)
 * @param cassandraStoragePort the nodes' inter-node port
 * @param cassandraHeap each node's JVM heap
 * @param regions the cells' regions; each is a Cassandra datacenter of its own, so that device data
 *                replicates between cells for failover
 * @param cellBasePort the first cell's ingress port; cell k's is this + 10k
 * @param router where the global router listens
 * @param repository where the services' JARs are built; empty to run the servers alone
 * @param cellHeaps the heaps of every cell's app, storage and workers
 * @param workerSettings where every cell's workers report completed job requests, and how they retry
 * @param coreDatabases the primary and the replica the cells' core databases run on
 * @param dataAccess where the data-access layer (Trino if it has it, the data-access service) listens; empty for a platform
 *                   without it
 */
public record PlatformSettings(Path stateDir, Endpoint postgres, Endpoint rabbitmq, Endpoint s3, Endpoint cassandra,
                               int cassandraStoragePort, String cassandraHeap, List<String> regions, int cellBasePort,
                               RouterServices router, Optional<Path> repository, CellHeaps cellHeaps, WorkerSettings workerSettings,
                               CoreDatabases coreDatabases, Optional<DataAccessServers> dataAccess) {
    public PlatformSettings {
        requireNonNull(stateDir, "stateDir is null");
        requireNonNull(postgres, "postgres is null");
        requireNonNull(rabbitmq, "rabbitmq is null");
        requireNonNull(s3, "s3 is null");
        requireNonNull(cassandra, "cassandra is null");
        requireNonNull(cassandraHeap, "cassandraHeap is null");
        requireNonNull(router, "router is null");
        requireNonNull(repository, "repository is null");
        requireNonNull(cellHeaps, "cellHeaps is null");
        requireNonNull(workerSettings, "workerSettings is null");
        requireNonNull(coreDatabases, "coreDatabases is null");
        requireNonNull(dataAccess, "dataAccess is null");
        regions = List.copyOf(regions);
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("at least one region is needed");
        }
        if (regions.stream().distinct().count() != regions.size()) {
            throw new IllegalArgumentException("regions repeat: " + regions);
        }
    }

    /** A platform without the data-access layer: its cells' core databases run on this pair, under these scopes. */
    public PlatformSettings(Path stateDir, Endpoint postgres, Endpoint rabbitmq, Endpoint s3, Endpoint cassandra, int cassandraStoragePort,
                            String cassandraHeap, List<String> regions, int cellBasePort, RouterServices router, Optional<Path> repository,
                            CellHeaps cellHeaps, WorkerSettings workerSettings, CoreDatabases coreDatabases) {
        this(stateDir, postgres, rabbitmq, s3, cassandra, cassandraStoragePort, cassandraHeap, regions, cellBasePort, router, repository,
                cellHeaps, workerSettings, coreDatabases, Optional.empty());
    }

    /** A platform whose core databases are on the default ports, without the data-access layer's scopes. */
    public PlatformSettings(Path stateDir, Endpoint postgres, Endpoint rabbitmq, Endpoint s3, Endpoint cassandra, int cassandraStoragePort,
                            String cassandraHeap, List<String> regions, int cellBasePort, RouterServices router, Optional<Path> repository,
                            CellHeaps cellHeaps, WorkerSettings workerSettings) {
        this(stateDir, postgres, rabbitmq, s3, cassandra, cassandraStoragePort, cassandraHeap, regions, cellBasePort, router, repository,
                cellHeaps, workerSettings, CoreDatabases.LOCAL);
    }

    /** A platform whose cells get the heaps and worker settings `./atoll up` gives them. */
    public PlatformSettings(Path stateDir, Endpoint postgres, Endpoint rabbitmq, Endpoint s3, Endpoint cassandra, int cassandraStoragePort,
                            String cassandraHeap, List<String> regions, int cellBasePort, RouterServices router, Optional<Path> repository) {
        this(stateDir, postgres, rabbitmq, s3, cassandra, cassandraStoragePort, cassandraHeap, regions, cellBasePort, router, repository,
                CellHeaps.LOCAL, WorkerSettings.LOCAL);
    }

    /**
     * One Cassandra node per region, all on this machine: node k listens on the k-th loopback address
     * after the configured one (127.0.0.1, 127.0.0.2, ...) with the same ports, and the first is the seed.
     */
    public List<CassandraNode> cassandraNodes() {
        byte[] first = loopbackAddress(cassandra.host());
        String seed = cassandra.host() + ":" + cassandraStoragePort;
        List<CassandraNode> nodes = new ArrayList<>();
        for (int k = 0; k < regions.size(); k++) {
            byte[] address = first.clone();
            address[3] = (byte) (address[3] + k);
            String host = (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
            nodes.add(new CassandraNode(new Endpoint(host, cassandra.port()), cassandraStoragePort, regions.get(k), seed, k, cassandraHeap));
        }
        return nodes;
    }

    public PostgresServer postgresServer() {
        return new PostgresServer(postgres, "postgres");
    }

    public RabbitServer rabbitServer() {
        return new RabbitServer(rabbitmq, "guest", "guest");
    }

    public S3ProxyServer s3Server() {
        return new S3ProxyServer(s3, S3Account.LOCAL);
    }

    /** The cells, in the order of {@link #regions()}. */
    public List<CellServices> cells() {
        List<CellServices> cells = new ArrayList<>();
        for (int k = 0; k < regions.size(); k++) {
            int basePort = cellBasePort + 10 * k;
            List<Endpoint> peers = new ArrayList<>();
            for (int other = 0; other < regions.size(); other++) {
                if (other != k) {
                    peers.add(Endpoint.loopback(cellBasePort + 10 * other));
                }
            }
            cells.add(new CellServices(regions.get(k), basePort, peers, cellHeaps, workerSettings));
        }
        return cells;
    }

    /** The cell of that region, if the platform has one. */
    public Optional<CellServices> cell(String region) {
        return cells().stream().filter(cell -> cell.region().equals(region)).findFirst();
    }

    /**
     * The components in the order they start: the databases (the shared server and the core primary), the broker, the
     * object store and the first Cassandra node side by side, then the core replica (a copy of the primary), Trino (which
     * reads the replica) and each further Cassandra node, which joins through the first, one node a stage; then every
     * cell's auth, then every cell's storage (whose service tokens auth issues), then the apps one by one (each calls its
     * cell's storage and follows its events, and only the first creates the shared keyspace), then every cell's workers
     * (which call storage and read that keyspace) beside the data-access service (which audits the core databases the
     * cells' storage made); the router last.
     */
    public List<List<Server>> stages() {
        PostgresServer postgresServer = postgresServer();
        PostgresServer corePrimary = coreDatabases.primaryServer();
        RabbitServer rabbitServer = rabbitServer();
        S3ProxyServer s3Server = s3Server();
        List<List<Server>> stages = new ArrayList<>();
        List<Server> first = new ArrayList<>(List.of(postgresServer, corePrimary, rabbitServer, s3Server));
        List<CassandraNode> nodes = cellNodes();
        first.add(new CassandraServer(cassandra.isLocal() ? "cassandra-" + nodes.get(0).datacenter() : CassandraServer.NAME, nodes.get(0)));
        stages.add(first);
        List<Server> second = new ArrayList<>(List.of(coreDatabases.replicaServer()));
        if (dataAccess.flatMap(DataAccessServers::trino).isPresent()) {
            second.add(trino());
        }
        stages.add(second);
        if (cassandra.isLocal()) {
            for (CassandraNode node : nodes.subList(1, nodes.size())) {
                Server server = new CassandraServer("cassandra-" + node.datacenter(), node);
                if (second.size() == 1) {
                    second.add(server);
                } else {
                    stages.add(List.of(server));
                }
            }
        }
        if (repository.isPresent()) {
            Path checkout = repository.get();
            List<CellServices> cells = cells();
            stages.add(cells.stream().<Server>map(cell -> cell.auth(checkout, postgresServer)).toList());
            stages.add(cells.stream().<Server>map(cell -> cell.storage(checkout, stateDir, corePrimary, coreDatabases.teamScopes(), rabbitServer,
                    s3Server)).toList());
            for (int k = 0; k < cells.size(); k++) {
                stages.add(List.of(cells.get(k).app(checkout, stateDir, postgresServer, rabbitServer, localNode(nodes, k), nodes)));
            }
            List<Server> workers = new ArrayList<>();
            for (int k = 0; k < cells.size(); k++) {
                workers.add(cells.get(k).workers(checkout, stateDir, postgresServer, rabbitServer, s3Server, localNode(nodes, k)));
            }
            dataAccess.ifPresent(servers -> workers.add(servers.service(checkout, corePrimary, cells)));
            stages.add(workers);
            stages.add(List.of(router.router(checkout, stateDir, postgresServer, cells)));
        }
        return stages;
    }

    /**
     * The platform's Trino, over every cell's replica.
     *
     * @throws PlatformException when the platform runs without the data-access layer, or the layer without Trino
     */
    public TrinoServer trino() {
        DataAccessServers servers = dataAccess.orElseThrow(() -> new PlatformException("this platform runs without the data-access layer"));
        return servers.trino(stateDir, coreDatabases.replicaServer(), coreDatabases.primaryServer().user(), cells(), coreDatabases.teamScopes());
    }

    /**
     * What a cell's workers run with (see {@link CellServices#workersEnvironment}), for their command-line mode.
     *
     * @throws IllegalStateException when the platform runs the servers alone
     */
    public Map<String, String> workersEnvironment(CellServices cell) {
        Path checkout = repository.orElseThrow(() -> new IllegalStateException("a platform of servers alone runs no workers"));
        return cell.workersEnvironment(checkout, stateDir, rabbitServer(), s3Server(), localNode(cellNodes(), regions.indexOf(cell.region())));
    }

    /** The Cassandra nodes the cells use: one per region on this machine, or an external cluster's one contact point. */
    private List<CassandraNode> cellNodes() {
        return cassandra.isLocal() ? cassandraNodes() : List.of(CassandraNode.single(cassandra, cassandraStoragePort, regions.get(0), cassandraHeap));
    }

    /** A cell's own Cassandra node; with an external cluster, its one contact point. */
    private static CassandraNode localNode(List<CassandraNode> nodes, int cell) {
        return nodes.size() == 1 ? nodes.get(0) : nodes.get(cell);
    }

    public LocalPlatform platform() {
        return platform(OptionalLong.empty());
    }

    /** @param ownerPid when present, everything started stops once this process exits (a test build's platform) */
    public LocalPlatform platform(OptionalLong ownerPid) {
        return new LocalPlatform(stateDir, stages(), ownerPid);
    }

    private static byte[] loopbackAddress(String host) {
        try {
            byte[] address = InetAddress.getByName(host).getAddress();
            if (address.length != 4) {
                throw new PlatformException("Cassandra's host must be an IPv4 loopback address, not " + host);
            }
            return address;
        } catch (UnknownHostException e) {
            throw new PlatformException("unknown Cassandra host " + host);
        }
    }
}
