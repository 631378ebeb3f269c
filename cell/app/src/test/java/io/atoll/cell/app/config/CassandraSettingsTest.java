package io.atoll.cell.app.config;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CassandraSettingsTest {
    private static final CellSettings CELL = new CellSettings("us-east-1", "us-east-1");

    @Test
    void contactPointsAreHostsAndPorts() {
        assertThat(settings(null, null).contactPointAddresses())
                .containsExactly(InetSocketAddress.createUnresolved("10.0.0.1", 9042), InetSocketAddress.createUnresolved("cassandra.local", 19042));
    }

    @Test
    void theKeyspaceIsNamedAfterTheCellUnlessConfigured() {
        assertThat(settings(null, null).keyspaceOf(CELL)).isEqualTo("app_us_east_1");
        assertThat(settings("atoll_app", null).keyspaceOf(CELL)).isEqualTo("atoll_app");
    }

    @Test
    void replicationIsOneReplicaLocallyUnlessEveryDatacenterIsGiven() {
        assertThat(settings(null, null).replicationFactors()).isEqualTo(Map.of("us-east-1", 1));
        assertThat(settings(null, List.of("us-east-1:3", "eu-west-1:3")).replicationFactors()).isEqualTo(Map.of("us-east-1", 3, "eu-west-1", 3));
    }

    private static CassandraSettings settings(String keyspace, List<String> replication) {
        return new CassandraSettings(List.of("10.0.0.1:9042", "cassandra.local:19042"), "us-east-1", keyspace, replication,
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }
}
