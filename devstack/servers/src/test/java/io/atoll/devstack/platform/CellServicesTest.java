package io.atoll.devstack.platform;

import io.atoll.devstack.server.Endpoint;
import io.atoll.devstack.server.cassandra.CassandraNode;
import io.atoll.devstack.server.postgres.PostgresServer;
import io.atoll.devstack.server.rabbitmq.RabbitServer;
import io.atoll.devstack.server.s3.S3Account;
import io.atoll.devstack.server.s3.S3ProxyServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What each of a cell's services is told about the others and about the servers: the second cell, on its own ports. */
class CellServicesTest {
    private static final CellServices CELL = new CellServices("us-east-1", 8120, List.of(Endpoint.loopback(8110)));
    private static final RabbitServer RABBITMQ = new RabbitServer(Endpoint.loopback(5672), "guest", "guest");
    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @Test
    void storageUsesTheCellsOwnDatabaseVhostAndBucketAndTrustsItsAuth() {
        Map<String, String> environment = CELL.storageEnvironment(new PostgresServer(Endpoint.loopback(5432), "postgres"), RABBITMQ,
                new S3ProxyServer(Endpoint.loopback(8333), S3Account.LOCAL));

        assertThat(environment)
                .containsEntry("MICRONAUT_SERVER_PORT", "8122")
                .containsEntry("ENDPOINTS_ALL_PORT", "9122")
                .containsEntry("ATOLL_CELL_ID", "us-east-1")
                .containsEntry("ATOLL_STORAGE_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/core_us_east_1")
                .containsEntry("ATOLL_STORAGE_MIGRATION_USERNAME", "postgres")
                .containsEntry("ATOLL_STORAGE_SERVICE_USERNAME", "storage_service")
                .containsEntry("ATOLL_STORAGE_JWKS_URL", "http://127.0.0.1:8120/.well-known/jwks.json")
                .containsEntry("RABBITMQ_VIRTUAL_HOST", "atoll-us-east-1")
                .containsEntry("RABBITMQ_PORT", "5672")
                .containsEntry("ATOLL_STORAGE_S3_ENDPOINT", "http://127.0.0.1:8333")
                .containsEntry("ATOLL_STORAGE_S3_REGION", "us-east-1")
                .containsEntry("ATOLL_STORAGE_S3_ACCESS_KEY", "local-identity")
                .containsEntry("ATOLL_STORAGE_S3_SECRET_KEY", "local-credential")
                .containsEntry("ATOLL_STORAGE_S3_BUCKET", "atoll-uploads-us-east-1")
                .containsEntry("ATOLL_STORAGE_S3_PATH_STYLE", "true")
                .containsEntry("ATOLL_STORAGE_S3_CREATE_BUCKET", "true");
    }

    @Test
    void appCallsItsCellsStorageWithTokensOfItsCellsAuthAndFollowsTheCellsEvents() {
        CassandraNode node = CassandraNode.single(new Endpoint("127.0.0.2", 9042), 7000, "us-east-1", "1g");

        Map<String, String> environment = CELL.appEnvironment(RABBITMQ, node, List.of(node));

        assertThat(environment)
                .containsEntry("MICRONAUT_SERVER_PORT", "8121")
                .containsEntry("ATOLL_APP_STORAGE_URL", "http://127.0.0.1:8122")
                .containsEntry("ATOLL_APP_STORAGE_TOKEN_URL", "http://127.0.0.1:8120/oauth/token")
                .containsEntry("ATOLL_APP_STORAGE_CLIENT_ID", "app")
                .containsEntry("RABBITMQ_VIRTUAL_HOST", "atoll-us-east-1")
                .containsEntry("ATOLL_APP_CASSANDRA_CONTACT_POINTS", "127.0.0.2:9042")
                // The secret is read from its file when app starts, never kept with the platform's settings.
                .doesNotContainKey("ATOLL_APP_STORAGE_CLIENT_SECRET");
        assertThat(CELL.appClientSecretFile(Path.of("/state"))).isEqualTo(Path.of("/state/us-east-1/app-client-secret"));
    }

    @Test
    void workersCallTheirCellsStorageRunTheCheckoutsJobsAndArchiveFromTheAppsKeyspaceToTheWarehousesLandingBucket() {
        CassandraNode node = CassandraNode.single(new Endpoint("127.0.0.2", 9042), 7000, "us-east-1", "1g");

        Map<String, String> environment = CELL.workersEnvironment(Path.of("/repo"), Path.of("/state"), RABBITMQ,
                new S3ProxyServer(Endpoint.loopback(8333), S3Account.LOCAL), node);

        assertThat(environment)
                .containsEntry("MICRONAUT_SERVER_PORT", "8123")
                .containsEntry("ENDPOINTS_ALL_PORT", "9123")
                .containsEntry("ATOLL_CELL_ID", "us-east-1")
                .containsEntry("ATOLL_CELL_REGION", "us-east-1")
                .containsEntry("RABBITMQ_VIRTUAL_HOST", "atoll-us-east-1")
                .containsEntry("ATOLL_WORKERS_STORAGE_URL", "http://127.0.0.1:8122")
                .containsEntry("ATOLL_WORKERS_STORAGE_TOKEN_URL", "http://127.0.0.1:8120/oauth/token")
                .containsEntry("ATOLL_WORKERS_STORAGE_CLIENT_ID", "workers")
                .containsEntry("ATOLL_WORKERS_JOBS_JAR", "/repo/cell/jobs/target/atoll-jobs.jar")
                .containsEntry("ATOLL_WORKERS_WORK_DIR", "/state/us-east-1/workers/jobs")
                .containsEntry("ATOLL_WORKERS_CASSANDRA_CONTACT_POINTS", "127.0.0.2:9042")
                .containsEntry("ATOLL_WORKERS_CASSANDRA_LOCAL_DATACENTER", "us-east-1")
                .containsEntry("ATOLL_WORKERS_CASSANDRA_KEYSPACE", "atoll_app")
                .containsEntry("ATOLL_WORKERS_S3_ENDPOINT", "http://127.0.0.1:8333")
                .containsEntry("ATOLL_WORKERS_S3_ACCESS_KEY", "local-identity")
                .containsEntry("ATOLL_WORKERS_S3_PATH_STYLE", "true")
                .containsEntry("ATOLL_WORKERS_CLEANUP_LANDING_BUCKET", "atoll-landing")
                .doesNotContainKey(CellServices.WORKERS_CLIENT_SECRET);
        assertThat(CELL.workersClientSecretFile(Path.of("/state"))).isEqualTo(Path.of("/state/us-east-1/workers-client-secret"));
        assertThat(CELL.operatorClientSecretFile(Path.of("/state"))).isEqualTo(Path.of("/state/us-east-1/operator-client-secret"));
    }

    @Test
    void workersAreGivenTheirNotificationChannelsAndRetryDelaysUnderTheNamesMicronautMapsOntoTheirProperties() {
        WorkerNotifications channels = new WorkerNotifications(Optional.of(URI.create("https://hooks.slack.com/services/T0/B0/X")),
                Optional.of(new WorkerNotifications.Webhook(URI.create("http://127.0.0.1:9999/hooks/atoll"), SECRET)),
                Optional.of(new WorkerNotifications.GitHubStatuses(URI.create("https://github.example.com/api/v3"), "ghp_statuses")));
        CellServices cell = new CellServices("us-east-1", 8120, List.of(), CellHeaps.LOCAL,
                new WorkerSettings(channels, List.of(Duration.ofMillis(250), Duration.ofSeconds(2))));

        Map<String, String> environment = workersEnvironment(cell);

        // atoll.workers.notifications.slack.url, .webhook.url and .secret, .github.api-url and .token; atoll.workers.messaging.retry-delays
        assertThat(environment)
                .containsEntry("ATOLL_WORKERS_NOTIFICATIONS_SLACK_URL", "https://hooks.slack.com/services/T0/B0/X")
                .containsEntry("ATOLL_WORKERS_NOTIFICATIONS_WEBHOOK_URL", "http://127.0.0.1:9999/hooks/atoll")
                .containsEntry("ATOLL_WORKERS_NOTIFICATIONS_WEBHOOK_SECRET", SECRET)
                .containsEntry("ATOLL_WORKERS_NOTIFICATIONS_GITHUB_API_URL", "https://github.example.com/api/v3")
                .containsEntry("ATOLL_WORKERS_NOTIFICATIONS_GITHUB_TOKEN", "ghp_statuses")
                .containsEntry("ATOLL_WORKERS_MESSAGING_RETRY_DELAYS", "250ms,2000ms")
                .containsEntry("ATOLL_CELL_ID", "us-east-1");
    }

    @Test
    void workersAsUpStartsThemHaveNoNotificationChannelAndTheirOwnRetryDelays() {
        assertThat(CELL.workerSettings()).isEqualTo(WorkerSettings.LOCAL);
        assertThat(workersEnvironment(CELL).keySet())
                .noneMatch(name -> name.startsWith("ATOLL_WORKERS_NOTIFICATIONS_") || name.startsWith("ATOLL_WORKERS_MESSAGING_"));
    }

    @Test
    void onlyOneChannelIsGivenWhenOnlyOneIsSet() {
        WorkerSettings slackOnly = new WorkerSettings(new WorkerNotifications(Optional.of(URI.create("https://hooks.slack.com/services/T0/B0/X")),
                Optional.empty(), Optional.empty()), List.of());

        Map<String, String> environment = workersEnvironment(new CellServices("us-east-1", 8120, List.of(), CellHeaps.LOCAL, slackOnly));

        assertThat(environment.keySet()).filteredOn(name -> name.startsWith("ATOLL_WORKERS_NOTIFICATIONS_"))
                .containsExactly("ATOLL_WORKERS_NOTIFICATIONS_SLACK_URL");
    }

    @Test
    void authsAdminCommandsRunItsJarWithItsEnvironment() {
        List<String> command = CELL.authAdminCommand(Path.of("/repo"), List.of("keys", "list"));

        assertThat(command).containsSubsequence("-jar", "/repo/cell/auth/target/atoll-auth.jar", "keys", "list");
        assertThat(CELL.authAdminEnvironment(new PostgresServer(Endpoint.loopback(5432), "postgres")))
                .containsEntry("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://127.0.0.1:5432/auth_us_east_1")
                .containsEntry("ATOLL_LOG_LEVEL", "WARN");
    }

    private static Map<String, String> workersEnvironment(CellServices cell) {
        return cell.workersEnvironment(Path.of("/repo"), Path.of("/state"), RABBITMQ, new S3ProxyServer(Endpoint.loopback(8333), S3Account.LOCAL),
                CassandraNode.single(new Endpoint("127.0.0.2", 9042), 7000, cell.region(), "1g"));
    }
}
