package io.atoll.testing;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.atoll.devstack.server.cassandra.CassandraServer;
import org.testcontainers.cassandra.CassandraContainer;

import java.net.InetSocketAddress;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/** The build's Cassandra node, handing out a keyspace per test. */
public final class TestCassandra {
    private static final Duration SCHEMA_CHANGE_TIMEOUT = Duration.ofSeconds(60);

    private final String host;
    private final int port;
    private final String datacenter;

    private TestCassandra(String host, int port, String datacenter) {
        this.host = requireNonNull(host, "host is null");
        this.port = port;
        this.datacenter = requireNonNull(datacenter, "datacenter is null");
    }

    static TestCassandra local(CassandraServer server) {
        return new TestCassandra(server.endpoint().host(), server.endpoint().port(), server.datacenter());
    }

    static TestCassandra container() {
        CassandraContainer container = new CassandraContainer("cassandra:5.0");
        container.start();
        return new TestCassandra(container.getHost(), container.getMappedPort(9042), container.getLocalDatacenter());
    }

    /**
     * Creates a keyspace whose name starts with {@code prefix}, replicated once in the node's
     * datacenter with the strategy the platform uses everywhere.
     */
    public CassandraKeyspace createKeyspace(String prefix) {
        String name = UniqueNames.of(prefix);
        execute("CREATE KEYSPACE " + name + " WITH replication = {'class': 'NetworkTopologyStrategy', '" + datacenter + "': 1}");
        return new CassandraKeyspace(this, name);
    }

    /** A session on this node (no keyspace), for tests that talk CQL directly. Close it. */
    public CqlSession session() {
        return CqlSession.builder()
                .addContactPoint(new InetSocketAddress(host, port))
                .withLocalDatacenter(datacenter)
                .build();
    }

    void drop(String keyspace) {
        execute("DROP KEYSPACE IF EXISTS " + keyspace);
    }

    private void execute(String cql) {
        try (CqlSession session = session()) {
            // Schema changes wait for every table of the keyspace to be flushed or dropped: far longer than
            // the driver's 2 s default on a busy two-core machine.
            session.execute(SimpleStatement.newInstance(cql).setTimeout(SCHEMA_CHANGE_TIMEOUT));
        }
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    String datacenter() {
        return datacenter;
    }
}
