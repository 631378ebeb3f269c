package io.atoll.devstack.server.cassandra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the configuration folder of a node: cassandra.yaml, its datacenter and its logging. */
final class CassandraConfig {
    private CassandraConfig() {
    }

    static Path write(CassandraNode node, Path home) throws IOException {
        Path conf = Files.createDirectories(home.resolve("conf"));
        Files.writeString(conf.resolve("cassandra.yaml"), yaml(node, home));
        Files.writeString(conf.resolve("cassandra-rackdc.properties"), "dc=" + node.datacenter() + "\nrack=rack1\n");
        Files.writeString(conf.resolve("logback.xml"), """
                <configuration>
                  <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="STDOUT"/></root>
                </configuration>
                """);
        return conf;
    }

    static String yaml(CassandraNode node, Path home) {
        String host = node.cql().host();
        return """
                cluster_name: atoll
                num_tokens: 1
                initial_token: %d
                partitioner: org.apache.cassandra.dht.Murmur3Partitioner
                endpoint_snitch: GossipingPropertyFileSnitch
                seed_provider:
                  - class_name: org.apache.cassandra.locator.SimpleSeedProvider
                    parameters:
                      - seeds: "%s"
                listen_address: %s
                rpc_address: %s
                storage_port: %d
                native_transport_port: %d
                start_native_transport: true
                commitlog_sync: periodic
                commitlog_sync_period: 10000ms
                data_file_directories:
                  - %s
                commitlog_directory: %s
                saved_caches_directory: %s
                hints_directory: %s
                cdc_raw_directory: %s
                authenticator: AllowAllAuthenticator
                authorizer: AllowAllAuthorizer
                auto_snapshot: false
                # Local clusters are always new: a joining node has no data to stream.
                auto_bootstrap: false
                concurrent_compactors: 1
                """.formatted(node.initialToken(), node.seeds(), host, host, node.storagePort(), node.cql().port(),
                home.resolve("data"), home.resolve("commitlog"), home.resolve("saved_caches"), home.resolve("hints"),
                home.resolve("cdc_raw"));
    }
}
