package io.atoll.devstack.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atoll.devstack.server.Endpoint;
import io.atoll.devstack.server.Server;
import io.atoll.devstack.server.cassandra.CassandraNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformSettingsTest {
    private static final RouterServices ROUTER = new RouterServices(Endpoint.loopback(8080), Endpoint.loopback(8081));

    @Test
    void eachRegionGetsACassandraNodeOnTheNextLoopbackAddressSeededByTheFirst() {
        List<CassandraNode> nodes = settings(List.of("eu-west-1", "us-east-1", "ap-southeast-2"), Optional.empty()).cassandraNodes();

        assertThat(nodes).extracting(node -> node.cql().toString()).containsExactly("127.0.0.1:9042", "127.0.0.2:9042", "127.0.0.3:9042");
        assertThat(nodes).extracting(CassandraNode::datacenter).containsExactly("eu-west-1", "us-east-1", "ap-southeast-2");
        assertThat(nodes).extracting(CassandraNode::seeds).containsOnly("127.0.0.1:7000");
        assertThat(nodes).extracting(CassandraNode::initialToken).doesNotHaveDuplicates();
    }

    @Test
    void serversStartBeforeTheCellsThenAuthThenStorageThenTheAppsOneByOneThenTheWorkersAndTheRouterLast() {
        List<List<String>> stages = settings(List.of("eu-west-1", "us-east-1"), Optional.of(Path.of("/repo"))).stages().stream()
                .map(stage -> stage.stream().map(Server::name).toList())
                .toList();

        assertThat(stages).containsExactly(
                List.of("postgres", "postgres-primary", "rabbitmq", "s3", "cassandra-eu-west-1"),
                List.of("postgres-replica", "cassandra-us-east-1"),
                List.of("eu-west-1/auth", "us-east-1/auth"),
                List.of("eu-west-1/storage", "us-east-1/storage"),
                List.of("eu-west-1/app"),
                List.of("us-east-1/app"),
                List.of("eu-west-1/workers", "us-east-1/workers"),
                List.of("router"));
    }

    @Test
    void serversOnlyRunsNoService() {
        assertThat(settings(List.of("eu-west-1"), Optional.empty()).stages()).extracting(stage -> stage.stream().map(Server::name).toList())
                .containsExactly(List.of("postgres", "postgres-primary", "rabbitmq", "s3", "cassandra-eu-west-1"), List.of("postgres-replica"));
    }

    @Test
    void theCellsCoreDatabasesAreOnTheCorePrimaryAndEverythingElseStaysOnTheSharedServer() {
        PlatformSettings settings = settings(List.of("eu-west-1"), Optional.of(Path.of("/repo")));
        CellServices cell = settings.cells().get(0);

        assertThat(cell.storageEnvironment(settings.coreDatabases().primaryServer(), settings.rabbitServer(), settings.s3Server()))
                .containsEntry("ATOLL_STORAGE_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5442/core_eu_west_1");
        assertThat(cell.authEnvironment(settings.postgresServer())).containsEntry("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://127.0.0.1:5432/auth_eu_west_1");
        assertThat(settings.coreDatabases().replicaServer().endpoint()).isEqualTo(Endpoint.loopback(5443));
        assertThatThrownBy(() -> new CoreDatabases(Endpoint.loopback(5442), Endpoint.loopback(5442), TeamScopes.NONE))
                .hasMessage("the core primary and its replica need two addresses, not 127.0.0.1:5442 for both");
    }

    @Test
    void cellsTakeTenPortsEachAndTrustEachOther() {
        List<CellServices> cells = settings(List.of("eu-west-1", "us-east-1"), Optional.empty()).cells();

        assertThat(cells.get(1).ingress()).isEqualTo(Endpoint.loopback(8120));
        assertThat(cells.get(1).ingressManagement()).isEqualTo(Endpoint.loopback(9120));
        assertThat(cells.get(1).app()).isEqualTo(Endpoint.loopback(8121));
        assertThat(cells.get(1).appManagement()).isEqualTo(Endpoint.loopback(9121));
        assertThat(cells.get(1).storage()).isEqualTo(Endpoint.loopback(8122));
        assertThat(cells.get(1).storageManagement()).isEqualTo(Endpoint.loopback(9122));
        assertThat(cells.get(1).workers()).isEqualTo(Endpoint.loopback(8123));
        assertThat(cells.get(1).workersManagement()).isEqualTo(Endpoint.loopback(9123));
        assertThat(cells.get(0).peerIngresses()).containsExactly(Endpoint.loopback(8120));
        assertThat(cells.get(0).authDatabase()).isEqualTo("auth_eu_west_1");
        assertThat(cells.get(0).coreDatabase()).isEqualTo("core_eu_west_1");
        assertThat(cells.get(0).vhost()).isEqualTo("atoll-eu-west-1");
        assertThat(cells.get(0).uploadsBucket()).isEqualTo("atoll-uploads-eu-west-1");
    }

    @Test
    void eachCellsWorkersUseTheirCellsOwnCassandraNodeAndTheJarsOfTheCheckout() {
        PlatformSettings settings = settings(List.of("eu-west-1", "us-east-1"), Optional.of(Path.of("/repo")));

        Map<String, String> environment = settings.workersEnvironment(settings.cell("us-east-1").orElseThrow());

        assertThat(environment).containsEntry("MICRONAUT_SERVER_PORT", "8123")
                .containsEntry("ATOLL_WORKERS_CASSANDRA_CONTACT_POINTS", "127.0.0.2:9042")
                .containsEntry("ATOLL_WORKERS_WORK_DIR", "/state/us-east-1/workers/jobs")
                .containsEntry("ATOLL_WORKERS_JOBS_JAR", "/repo/cell/jobs/target/atoll-jobs.jar");
        assertThat(settings.cell("mars")).isEmpty();
        assertThatThrownBy(() -> settings(List.of("eu-west-1"), Optional.empty()).workersEnvironment(settings.cells().get(0)))
                .hasMessageContaining("runs no workers");
    }

    @Test
    void everyCellsWorkersGetThePlatformsWorkerSettings() {
        WorkerSettings workers = new WorkerSettings(new WorkerNotifications(Optional.empty(),
                Optional.of(new WorkerNotifications.Webhook(URI.create("http://127.0.0.1:9999/hooks"), "0123456789abcdef0123456789abcdef")),
                Optional.empty()), List.of(Duration.ofMillis(200)));
        PlatformSettings settings = new PlatformSettings(Path.of("/state"), Endpoint.loopback(5432), Endpoint.loopback(5672),
                Endpoint.loopback(8333), Endpoint.loopback(9042), 7000, "1g", List.of("eu-west-1", "us-east-1"), 8110, ROUTER,
                Optional.of(Path.of("/repo")), CellHeaps.LOCAL, workers);

        assertThat(settings.cells()).extracting(CellServices::workerSettings).containsOnly(workers);
        for (CellServices cell : settings.cells()) {
            assertThat(settings.workersEnvironment(cell)).as(cell.region())
                    .containsEntry("ATOLL_WORKERS_NOTIFICATIONS_WEBHOOK_URL", "http://127.0.0.1:9999/hooks")
                    .containsEntry("ATOLL_WORKERS_MESSAGING_RETRY_DELAYS", "200ms");
        }
        assertThat(settings(List.of("eu-west-1"), Optional.of(Path.of("/repo"))).workerSettings()).isEqualTo(WorkerSettings.LOCAL);
    }

    @Test
    void theRegistryIsInTheShapeOfTerraformsOutput() throws Exception {
        List<CellServices> cells = settings(List.of("eu-west-1", "us-east-1"), Optional.empty()).cells();

        JsonNode registry = new ObjectMapper().readTree(RouterServices.registryJson(cells));

        JsonNode value = registry.path("cells").path("value");
        assertThat(value.path("us-east-1").path("ingress_url").asText()).isEqualTo("http://127.0.0.1:8120");
        assertThat(value.path("eu-west-1").path("state").asText()).isEqualTo("active");
        assertThat(registry.path("cells").path("sensitive").asBoolean(true)).isFalse();
    }

    @Test
    void regionsMustBeGivenOnceEach() {
        assertThatThrownBy(() -> settings(List.of("eu-west-1", "eu-west-1"), Optional.empty())).hasMessageContaining("repeat");
        assertThatThrownBy(() -> settings(List.of(), Optional.empty())).hasMessageContaining("at least one region");
    }

    private static PlatformSettings settings(List<String> regions, Optional<Path> repository) {
        return new PlatformSettings(Path.of("/state"), Endpoint.loopback(5432), Endpoint.loopback(5672), Endpoint.loopback(8333),
                Endpoint.loopback(9042), 7000, "1g", regions, 8110, ROUTER, repository);
    }
}
