package io.atoll.devstack.platform;

import io.atoll.devstack.process.Processes;
import io.atoll.devstack.process.StateFile;
import io.atoll.devstack.server.Endpoint;
import io.atoll.devstack.server.cassandra.CassandraNode;
import io.atoll.devstack.server.postgres.PostgresServer;
import io.atoll.devstack.server.rabbitmq.RabbitServer;
import io.atoll.devstack.server.s3.S3ProxyServer;
import io.atoll.devstack.server.service.JavaService;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The services of one cell on this machine: auth, the cell's ingress, on the cell's base port, app on the next one
 * and storage on the one after. Cell k of the platform has base port 8110 + 10k. Storage's health and metrics are
 * on its management port, its port + 1000.
 *
 * @param region the cell's region, which is also its id locally
 * @param basePort auth's port
 * @param peerIngresses the other cells' ingresses, whose signing keys this cell's auth trusts
 * @param heaps the heaps its app and storage run with
 */
public record CellServices(String region, int basePort, List<Endpoint> peerIngresses, CellHeaps heaps) {
    /** All cells share one keyspace replicated to every region, so a failed-over member's devices are there. */
    static final String APP_KEYSPACE = "atoll_app";
    /** App's service account at the cell's auth, whose tokens storage accepts. */
    static final String APP_CLIENT_ID = "app";
    static final String APP_CLIENT_SCOPES = "storage:read storage:write";
    /** The login role storage runs its queries as; its migrations create it. */
    static final String STORAGE_SERVICE_ROLE = "storage_service";
    private static final int MANAGEMENT_PORT_OFFSET = 1000;

    public CellServices {
        requireNonNull(region, "region is null");
        peerIngresses = List.copyOf(peerIngresses);
        requireNonNull(heaps, "heaps is null");
    }

    /** A cell whose app and storage get the heaps `./atoll up` gives them. */
    public CellServices(String region, int basePort, List<Endpoint> peerIngresses) {
        this(region, basePort, peerIngresses, CellHeaps.LOCAL);
    }

    public Endpoint ingress() {
        return Endpoint.loopback(basePort);
    }

    public Endpoint app() {
        return Endpoint.loopback(basePort + 1);
    }

    public Endpoint storage() {
        return Endpoint.loopback(basePort + 2);
    }

    public Endpoint storageManagement() {
        return Endpoint.loopback(storage().port() + MANAGEMENT_PORT_OFFSET);
    }

    public String authDatabase() {
        return "auth_" + region.replace('-', '_');
    }

    /** The cell's business database, which only storage uses. */
    public String coreDatabase() {
        return "core_" + region.replace('-', '_');
    }

    /** The cell's own vhost on the shared broker. */
    public String vhost() {
        return "atoll-" + region;
    }

    public String uploadsBucket() {
        return "atoll-uploads-" + region;
    }

    /** Where app's client secret is kept between runs (storage accepts app's tokens for it), readable by its owner only. */
    public Path appClientSecretFile(Path stateDir) {
        return stateDir.resolve(region).resolve("app-client-secret");
    }

    /**
     * Ready once alive: its readiness also asks for the app behind it, which starts in a later stage (the router,
     * which probes readiness, starts after every cell).
     */
    JavaService auth(Path repository, PostgresServer postgres) {
        return new JavaService(region + "/auth", ingress(), URI.create("http://" + ingress() + "/health/liveness"), authJar(repository),
                authEnvironment(postgres), "256m", () -> postgres.ensureDatabase(authDatabase()));
    }

    public Path authJar(Path repository) {
        return repository.resolve("cell/auth/target/atoll-auth.jar");
    }

    /** What auth runs with, as a service and for its admin commands against the same database. */
    public Map<String, String> authEnvironment(PostgresServer postgres) {
        String peerJwks = peerIngresses.stream().map(peer -> "http://" + peer + "/.well-known/jwks.json").collect(Collectors.joining(","));
        return Map.of(
                "MICRONAUT_SERVER_PORT", Integer.toString(ingress().port()),
                "ATOLL_CELL_ID", region,
                "ATOLL_CELL_REGION", region,
                "DATASOURCES_DEFAULT_URL", postgres.jdbcUrl(authDatabase()),
                "DATASOURCES_DEFAULT_USERNAME", postgres.user(),
                "ATOLL_AUTH_UPSTREAM_URL", "http://" + app(),
                "ATOLL_AUTH_PEER_JWKS_URLS", peerJwks);
    }

    /** One of auth's admin commands (e.g. {@code accounts create ...}) against this cell's database: the command line. */
    public List<String> authAdminCommand(Path repository, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m", "-jar",
                authJar(repository).toString()));
        command.addAll(arguments);
        return command;
    }

    /** The environment of {@link #authAdminCommand}: auth's own, with only warnings logged around the command's output. */
    public Map<String, String> authAdminEnvironment(PostgresServer postgres) {
        Map<String, String> environment = new HashMap<>(authEnvironment(postgres));
        environment.put("ATOLL_LOG_LEVEL", "WARN");
        return environment;
    }

    /** Ready when its health is UP: its database and the object store answer. */
    JavaService storage(Path repository, Path stateDir, PostgresServer postgres, RabbitServer rabbitmq, S3ProxyServer s3) {
        Path log = stateDir.resolve(region).resolve("storage").resolve("rabbitmqctl.log");
        return new JavaService(region + "/storage", storage(), URI.create("http://" + storageManagement() + "/health"),
                repository.resolve("cell/storage/target/atoll-storage.jar"), storageEnvironment(postgres, rabbitmq, s3), heaps.storage(), () -> {
                    postgres.ensureDatabase(coreDatabase());
                    rabbitmq.ensureVhost(new StateFile(stateDir).find(RabbitServer.NAME), vhost(), log);
                });
    }

    Map<String, String> storageEnvironment(PostgresServer postgres, RabbitServer rabbitmq, S3ProxyServer s3) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("MICRONAUT_SERVER_PORT", Integer.toString(storage().port()));
        environment.put("ENDPOINTS_ALL_PORT", Integer.toString(storageManagement().port()));
        environment.put("ATOLL_CELL_ID", region);
        environment.put("ATOLL_CELL_REGION", region);
        environment.put("ATOLL_STORAGE_DATABASE_URL", postgres.jdbcUrl(coreDatabase()));
        environment.put("ATOLL_STORAGE_MIGRATION_USERNAME", postgres.user());
        environment.put("ATOLL_STORAGE_MIGRATION_PASSWORD", "");
        environment.put("ATOLL_STORAGE_SERVICE_USERNAME", STORAGE_SERVICE_ROLE);
        environment.put("ATOLL_STORAGE_SERVICE_PASSWORD", "");
        environment.put("ATOLL_STORAGE_JWKS_URL", "http://" + ingress() + "/.well-known/jwks.json");
        environment.putAll(rabbitEnvironment(rabbitmq));
        environment.put("ATOLL_STORAGE_S3_ENDPOINT", s3.url().toString());
        environment.put("ATOLL_STORAGE_S3_REGION", s3.account().region());
        environment.put("ATOLL_STORAGE_S3_ACCESS_KEY", s3.account().accessKey());
        environment.put("ATOLL_STORAGE_S3_SECRET_KEY", s3.account().secretKey());
        environment.put("ATOLL_STORAGE_S3_BUCKET", uploadsBucket());
        environment.put("ATOLL_STORAGE_S3_PATH_STYLE", "true");
        // Locally the bucket is made on first start; in production it is Terraform's, with its lifecycle rule.
        environment.put("ATOLL_STORAGE_S3_CREATE_BUCKET", "true");
        return environment;
    }

    /**
     * Calls its cell's storage with a service token of app's own account at the cell's auth, whose secret is kept in
     * the state folder: made on the first start, and given again to an account made afresh (a new auth database).
     */
    JavaService app(Path repository, Path stateDir, PostgresServer postgres, RabbitServer rabbitmq, CassandraNode localNode,
                    List<CassandraNode> allNodes) {
        Path secretFile = appClientSecretFile(stateDir);
        Path log = stateDir.resolve(region).resolve("app").resolve("auth-admin.log");
        List<String> ensureAccount = authAdminCommand(repository, List.of("accounts", "ensure-service", "--client-id", APP_CLIENT_ID,
                "--scopes", APP_CLIENT_SCOPES, "--secret-file", secretFile.toString()));
        return new JavaService(region + "/app", app(), URI.create("http://" + app() + "/health"),
                repository.resolve("cell/app/target/atoll-app.jar"), appEnvironment(rabbitmq, localNode, allNodes),
                Map.of("ATOLL_APP_STORAGE_CLIENT_SECRET", secretFile), heaps.app(), () -> {
                    int exit = Processes.run(ensureAccount, authAdminEnvironment(postgres), log, Duration.ofMinutes(2));
                    if (exit != 0) {
                        throw new IOException(region + "/app: auth could not set up app's service account (exit code " + exit
                                + ", log: " + log + ")");
                    }
                });
    }

    /** All but app's client secret, which is read from its file at start. */
    Map<String, String> appEnvironment(RabbitServer rabbitmq, CassandraNode localNode, List<CassandraNode> allNodes) {
        String replication = allNodes.stream().map(node -> node.datacenter() + ":1").collect(Collectors.joining(","));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("MICRONAUT_SERVER_PORT", Integer.toString(app().port()));
        environment.put("ATOLL_CELL_ID", region);
        environment.put("ATOLL_CELL_REGION", region);
        environment.put("ATOLL_APP_CASSANDRA_CONTACT_POINTS", localNode.cql().toString());
        environment.put("ATOLL_APP_CASSANDRA_LOCAL_DATACENTER", localNode.datacenter());
        environment.put("ATOLL_APP_CASSANDRA_KEYSPACE", APP_KEYSPACE);
        environment.put("ATOLL_APP_CASSANDRA_REPLICATION", replication);
        environment.put("ATOLL_APP_STORAGE_URL", "http://" + storage());
        environment.put("ATOLL_APP_STORAGE_TOKEN_URL", "http://" + ingress() + "/oauth/token");
        environment.put("ATOLL_APP_STORAGE_CLIENT_ID", APP_CLIENT_ID);
        // App follows storage's events (for the member feed) on the cell's vhost.
        environment.putAll(rabbitEnvironment(rabbitmq));
        return environment;
    }

    private Map<String, String> rabbitEnvironment(RabbitServer rabbitmq) {
        return Map.of(
                "RABBITMQ_HOST", rabbitmq.endpoint().host(),
                "RABBITMQ_PORT", Integer.toString(rabbitmq.endpoint().port()),
                "RABBITMQ_USERNAME", rabbitmq.user(),
                "RABBITMQ_PASSWORD", rabbitmq.password(),
                "RABBITMQ_VIRTUAL_HOST", vhost());
    }
}
