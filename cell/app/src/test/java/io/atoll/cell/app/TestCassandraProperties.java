package io.atoll.cell.app;

import io.atoll.testing.CassandraKeyspace;

import java.util.Map;

/** The settings that point the app at a test keyspace of the build's Cassandra node. */
public final class TestCassandraProperties {
    private TestCassandraProperties() {
    }

    public static Map<String, String> of(CassandraKeyspace keyspace) {
        return Map.of(
                "atoll.app.cassandra.contact-points", keyspace.host() + ":" + keyspace.port(),
                "atoll.app.cassandra.local-datacenter", keyspace.datacenter(),
                "atoll.app.cassandra.keyspace", keyspace.name(),
                "atoll.app.cassandra.replication", keyspace.datacenter() + ":1");
    }
}
