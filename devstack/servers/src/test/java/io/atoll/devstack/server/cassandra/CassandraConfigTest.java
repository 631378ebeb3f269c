package io.atoll.devstack.server.cassandra;

import io.atoll.devstack.server.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CassandraConfigTest {
    @Test
    void theYamlPutsTheNodeOnItsAddressPortsAndFolders(@TempDir Path home) throws IOException {
        CassandraNode node = CassandraNode.single(new Endpoint("127.0.0.2", 19043), 17001, "us-east-1", "512m");

        Path conf = CassandraConfig.write(node, home);

        String yaml = Files.readString(conf.resolve("cassandra.yaml"));
        assertThat(yaml).contains("listen_address: 127.0.0.2", "rpc_address: 127.0.0.2", "storage_port: 17001",
                "native_transport_port: 19043", "seeds: \"127.0.0.2:17001\"", "endpoint_snitch: GossipingPropertyFileSnitch",
                "  - " + home.resolve("data"), "commitlog_directory: " + home.resolve("commitlog"), "auto_snapshot: false");
        assertThat(Files.readString(conf.resolve("cassandra-rackdc.properties"))).contains("dc=us-east-1");
        assertThat(conf.resolve("logback.xml")).exists();
    }

    @Test
    void heapsAndPortsAreCheckedWhenTheNodeIsDescribed() {
        Endpoint cql = Endpoint.loopback(9042);
        assertThatThrownBy(() -> CassandraNode.single(cql, 7000, "eu-west-1", "lots")).hasMessageContaining("'lots'");
        assertThatThrownBy(() -> CassandraNode.single(cql, 70000, "eu-west-1", "1g")).hasMessageContaining("70000");
        assertThat(CassandraNode.single(cql, 7000, "eu-west-1", "768M").heap()).isEqualTo("768M");
    }
}
