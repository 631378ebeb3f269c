package io.atoll.devstack.server.cassandra;

import io.atoll.devstack.server.Endpoint;

import static java.util.Objects.requireNonNull;

/**
 * The settings of one Cassandra node the platform runs.
 *
 * @param cql where clients connect (native protocol)
 * @param storagePort the inter-node port on the same address
 * @param datacenter the node's datacenter (a cell's region)
 * @param seeds the seed list in cassandra.yaml, {@code host:port,...}
 * @param initialToken the node's single token, distinct for each node of a cluster
 * @param heap the JVM heap, e.g. {@code 1g}
 */
public record CassandraNode(Endpoint cql, int storagePort, String datacenter, String seeds, long initialToken, String heap) {
    public CassandraNode {
        requireNonNull(cql, "cql is null");
        requireNonNull(datacenter, "datacenter is null");
        requireNonNull(seeds, "seeds is null");
        requireNonNull(heap, "heap is null");
        if (storagePort < 1 || storagePort > 65535) {
            throw new IllegalArgumentException("storage port " + storagePort + " is not between 1 and 65535");
        }
        if (!heap.matches("\\d+[mMgG]")) {
            throw new IllegalArgumentException("heap '" + heap + "' is not a size like 512m or 1g");
        }
    }

    /** A node that is its own seed: the one-node cluster of the local platform and of tests. */
    public static CassandraNode single(Endpoint cql, int storagePort, String datacenter, String heap) {
        return new CassandraNode(cql, storagePort, datacenter, cql.host() + ":" + storagePort, 0, heap);
    }
}
