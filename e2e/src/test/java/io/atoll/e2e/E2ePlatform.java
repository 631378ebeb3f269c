package io.atoll.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atoll.devstack.platform.CellHeaps;
import io.atoll.devstack.cli.RepositoryTeamScopes;
import io.atoll.devstack.platform.CellServices;
import io.atoll.devstack.platform.CoreDatabases;
import io.atoll.devstack.platform.DataAccessServers;
import io.atoll.devstack.platform.LocalPlatform;
import io.atoll.devstack.platform.PlatformSettings;
import io.atoll.devstack.platform.RouterServices;
import io.atoll.devstack.platform.WorkerNotifications;
import io.atoll.devstack.platform.WorkerSettings;
import io.atoll.devstack.process.OwnedProcess;
import io.atoll.devstack.process.StateFile;
import io.atoll.devstack.server.Endpoint;
import io.atoll.devstack.server.postgres.PostgresServer;
import io.atoll.devstack.server.s3.S3Account;
import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The whole platform as `./atoll up` runs it — both cells' services on both Cassandra datacenters — on
 * ports of its own so it never meets a developer's platform. The ports lie below the kernel's ephemeral range
 * (32768 and up), where any outgoing connection may hold a port at the moment a service needs to listen on it.
 * Started once per test run and stopped when the build's Maven process exits. Every cell's app and storage run with
 * 128 MiB heaps, the least they are built to work in whatever passes through them, so every journey shows they do.
 * Every cell's workers report completed job requests to the test's own {@link NotificationReceivers} (Slack, a signed
 * webhook and GitHub's API), and retry after a quarter, half and whole second instead of their own 1, 10 and 60.
 * The cells' core databases get the teams' scopes and the data-access service (the team console) runs beside them; Trino
 * does not, since no journey asks it anything.
 */
final class E2ePlatform {
    private static final Logger LOG = LoggerFactory.getLogger(E2ePlatform.class);
    static final List<String> REGIONS = List.of("eu-west-1", "us-east-1");
    private static final int CELL_BASE_PORT = 28110;
    private static final int ROUTER_PORT = 28080;
    private static final int S3_PORT = 28333;
    /** The core primary; its replica is on the next port. */
    private static final int CORE_PRIMARY_PORT = 25442;
    /** The data-access service's public port (the team console); its management port is 29100. */
    private static final int DATA_ACCESS_PORT = 28100;
    private static final CellHeaps CELL_HEAPS = new CellHeaps("128m", "128m", "128m");
    private static final List<Duration> WORKER_RETRY_DELAYS = List.of(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1));
    static final String GITHUB_TOKEN = "ghp_e2eStatusesOnly";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static E2ePlatform started;

    private final PlatformSettings settings;
    private final LocalPlatform platform;
    private final NotificationReceivers notifications;
    private final String webhookSecret;

    private E2ePlatform(PlatformSettings settings, LocalPlatform platform, NotificationReceivers notifications, String webhookSecret) {
        this.settings = settings;
        this.platform = platform;
        this.notifications = notifications;
        this.webhookSecret = webhookSecret;
    }

    static synchronized E2ePlatform get() {
        if (started == null) {
            Path root = Path.of(System.getProperty("atoll.root", "..")).toAbsolutePath().normalize();
            NotificationReceivers notifications = NotificationReceivers.start();
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String webhookSecret = HexFormat.of().formatHex(key);
            WorkerSettings workers = new WorkerSettings(new WorkerNotifications(Optional.of(notifications.slack()),
                    Optional.of(new WorkerNotifications.Webhook(notifications.webhook(), webhookSecret)),
                    Optional.of(new WorkerNotifications.GitHubStatuses(notifications.gitHubApi(), GITHUB_TOKEN))), WORKER_RETRY_DELAYS);
            PlatformSettings settings = new PlatformSettings(root.resolve("e2e/target/platform"), Endpoint.loopback(5432),
                    Endpoint.loopback(5672), Endpoint.loopback(S3_PORT), Endpoint.loopback(19342), 17342, "512m", REGIONS, CELL_BASE_PORT,
                    new RouterServices(Endpoint.loopback(ROUTER_PORT), Endpoint.loopback(ROUTER_PORT + 1)), Optional.of(root), CELL_HEAPS,
                    workers, new CoreDatabases(Endpoint.loopback(CORE_PRIMARY_PORT), Endpoint.loopback(CORE_PRIMARY_PORT + 1),
                            new RepositoryTeamScopes(root.resolve("data-access/scopes"))),
                    Optional.of(DataAccessServers.serviceOnly(Endpoint.loopback(DATA_ACCESS_PORT))));
            long build = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(ProcessHandle.current().pid());
            LocalPlatform platform = settings.platform(OptionalLong.of(build));
            platform.up((component, message) -> LOG.info("[{}] {}", component, message));
            started = new E2ePlatform(settings, platform, notifications, webhookSecret);
        }
        return started;
    }

    /** A cell's ingress, where its members' apps connect when no router is in front. */
    URI ingress(String region) {
        int k = REGIONS.indexOf(region);
        return URI.create("http://127.0.0.1:" + (CELL_BASE_PORT + 10 * k));
    }

    /** The global router's data plane, where members' apps connect. */
    URI router() {
        return URI.create("http://127.0.0.1:" + ROUTER_PORT);
    }

    /** The router's admin API. */
    URI routerAdmin() {
        return URI.create("http://127.0.0.1:" + (ROUTER_PORT + 1));
    }

    /** The cell's services and the names of its database, vhost and bucket. */
    CellServices cell(String region) {
        return settings.cells().get(REGIONS.indexOf(region));
    }

    /** A connection to a cell's business database on the core primary, as storage's owner sees it. */
    Connection coreDatabase(String region) throws SQLException {
        PostgresServer postgres = settings.coreDatabases().primaryServer();
        return DriverManager.getConnection(postgres.jdbcUrl(cell(region).coreDatabase()), postgres.user(), "");
    }

    /** The team console of the data-access service, where the data teams' people sign in. */
    URI teamConsole() {
        return URI.create("http://127.0.0.1:" + DATA_ACCESS_PORT + "/console");
    }

    /** The object store's S3 API, with the local platform's account. */
    S3Client objectStore() {
        S3Account account = S3Account.LOCAL;
        return S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + S3_PORT))
                .region(Region.of(account.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(account.accessKey(), account.secretKey())))
                .forcePathStyle(true)
                .build();
    }

    /** The live process the platform started for a component, such as {@code eu-west-1/app}. */
    ProcessHandle running(String component) throws IOException {
        return new StateFile(settings.stateDir()).find(component).flatMap(OwnedProcess::live)
                .orElseThrow(() -> new IllegalStateException(component + " does not run"));
    }

    /** Waits until the router sends members to the cell, which it does again once its probes find a restarted cell ready. */
    void awaitRoutable(String region) {
        Awaitility.await(region + " routable").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
                .until(() -> routable(region));
    }

    private boolean routable(String region) throws IOException, InterruptedException {
        String token = Files.readString(settings.stateDir().resolve(RouterServices.ADMIN_TOKEN_FILE)).strip();
        HttpResponse<String> cells = HTTP.send(HttpRequest.newBuilder(routerAdmin().resolve("/admin/cells"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode cell : JSON.readTree(cells.body()).path("cells")) {
            if (region.equals(cell.path("id").asText())) {
                return cell.path("routable").asBoolean();
            }
        }
        return false;
    }

    /** What the workers have sent to Slack, the webhook and GitHub. */
    NotificationReceivers notifications() {
        return notifications;
    }

    /** The secret the workers sign webhooks with. */
    String webhookSecret() {
        return webhookSecret;
    }

    /** The operator's {@code atoll} command, acting on this platform. */
    AtollCli cli() {
        return new AtollCli(settings);
    }

    LocalPlatform platform() {
        return platform;
    }

    PlatformSettings settings() {
        return settings;
    }
}
