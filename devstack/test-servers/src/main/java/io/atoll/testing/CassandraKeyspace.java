package io.atoll.testing;

import com.datastax.oss.driver.api.core.CqlSession;

import java.net.InetSocketAddress;

import static java.util.Objects.requireNonNull;

/** A keyspace of its own for one test; closing it drops it. */
public final class CassandraKeyspace implements AutoCloseable {
    private final TestCassandra node;
    private final String name;

    CassandraKeyspace(TestCassandra node, String name) {
        this.node = requireNonNull(node, "node is null");
        this.name = requireNonNull(name, "name is null");
    }

    public String name() {
        return name;
    }

    public String host() {
        return node.host();
    }

    public int port() {
        return node.port();
    }

    public String datacenter() {
        return node.datacenter();
    }

    public InetSocketAddress contactPoint() {
        return new InetSocketAddress(host(), port());
    }

    /** A session bound to this keyspace. Close it. */
    public CqlSession session() {
        return CqlSession.builder()
                .addContactPoint(contactPoint())
                .withLocalDatacenter(datacenter())
                .withKeyspace(name)
                .build();
    }

    @Override
    public void close() {
        node.drop(name);
    }
}
