package io.atoll.devstack.platform;

import io.atoll.devstack.server.Endpoint;
import io.atoll.devstack.server.Server;
import io.atoll.devstack.server.cassandra.CassandraNode;
import io.atoll.devstack.server.cassandra.CassandraServer;
import io.atoll.devstack.server.postgres.PostgresServer;
import io.atoll.devstack.server.rabbitmq.RabbitServer;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * Where the local platform's servers are and where it keeps its state.
 *
 * @param stateDir the folder for data, logs and the record of started processes
 * @param postgres PostgreSQL's address; a running server there is used as it is
 * @param rabbitmq RabbitMQ's address; a running broker there is used as it is
 * @param cassandra the first Cassandra node's CQL address (or an external cluster's contact point)
 * @param cassandraStoragePort the nodes' inter-node port
 * @param cassandraHeap each node's JVM heap
 * @param regions the cells' regions; each is a Cassandra datacenter of its own, so that device data
 *                replicates between cells for failover
 */
public record PlatformSettings(Path stateDir, Endpoint postgres, Endpoint rabbitmq, Endpoint cassandra, int cassandraStoragePort,
                               String cassandraHeap, List<String> regions) {
    public PlatformSettings {
        requireNonNull(stateDir, "stateDir is null");
        requireNonNull(postgres, "postgres is null");
        requireNonNull(rabbitmq, "rabbitmq is null");
        requireNonNull(cassandra, "cassandra is null");
        requireNonNull(cassandraHeap, "cassandraHeap is null");
        regions = List.copyOf(regions);
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("at least one region is needed");
        }
        if (regions.stream().distinct().count() != regions.size()) {
            throw new IllegalArgumentException("regions repeat: " + regions);
        }
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

    /**
     * The servers in the order they start: the databases and the first Cassandra node side by side,
     * then each further node, which joins through the first.
     */
    public List<List<Server>> stages() {
        List<List<Server>> stages = new ArrayList<>();
        List<Server> first = new ArrayList<>(List.of(new PostgresServer(postgres, "postgres"), new RabbitServer(rabbitmq, "guest", "guest")));
        if (!cassandra.isLocal()) {
            first.add(new CassandraServer(CassandraNode.single(cassandra, cassandraStoragePort, regions.get(0), cassandraHeap)));
            stages.add(first);
            return stages;
        }
        List<CassandraNode> nodes = cassandraNodes();
        first.add(new CassandraServer("cassandra-" + nodes.get(0).datacenter(), nodes.get(0)));
        stages.add(first);
        for (CassandraNode node : nodes.subList(1, nodes.size())) {
            stages.add(List.of(new CassandraServer("cassandra-" + node.datacenter(), node)));
        }
        return stages;
    }

    public LocalPlatform platform() {
        return new LocalPlatform(stateDir, stages(), OptionalLong.empty());
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
