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
 * The services of one cell on this machine: auth, the cell's ingress, on the cell's base port, app on the next one,
 * storage on the one after and the workers after that. Cell k of the platform has base port 8110 + 10k. Each service's
 * health, metrics, OpenAPI document and Swagger UI are on its management port, its port + 1000.
 *
 * @param region the cell's region, which is also its id locally
 * @param basePort auth's port
 * @param peerIngresses the other cells' ingresses, whose signing keys this cell's auth trusts
 * @param heaps the heaps its app, storage and workers run with
 * @param workerSettings where its workers report completed job requests, and how they retry
 */
public record CellServices(String region, int basePort, List<Endpoint> peerIngresses, CellHeaps heaps, WorkerSettings workerSettings) {
    /** All cells share one keyspace replicated to every region, so a failed-over member's devices are there. */
    static final String APP_KEYSPACE = "atoll_app";
    /** App's service account at the cell's auth, whose tokens storage accepts. */
    static final String APP_CLIENT_ID = "app";
    /** The workers' service account at the cell's auth, whose tokens storage accepts. */
    static final String WORKERS_CLIENT_ID = "workers";
    /** The account an operator on this machine calls the cell's storage with (`atoll jobs`). */
    public static final String OPERATOR_CLIENT_ID = "operator";
    /** What every client of storage is given: storage asks for no more than these. */
    public static final String STORAGE_CLIENT_SCOPES = "storage:read storage:write";
    /** The workers' client secret, read from its file when they start and given to their command-line mode. */
    public static final String WORKERS_CLIENT_SECRET = "ATOLL_WORKERS_STORAGE_CLIENT_SECRET";
    /** The login role storage runs its queries as; its migrations create it. */
    static final String STORAGE_SERVICE_ROLE = "storage_service";
    private static final String LANDING_BUCKET = "atoll-landing";
    static final int MANAGEMENT_PORT_OFFSET = 1000;

    public CellServices {
        requireNonNull(region, "region is null");
        peerIngresses = List.copyOf(peerIngresses);
        requireNonNull(heaps, "heaps is null");
        requireNonNull(workerSettings, "workerSettings is null");
    }

    /** A cell as `./atoll up` runs it: the heaps and the worker settings it gives every cell. */
    public CellServices(String region, int basePort, List<Endpoint> peerIngresses) {
        this(region, basePort, peerIngresses, CellHeaps.LOCAL, WorkerSettings.LOCAL);
    }

    public Endpoint ingress() {
        return Endpoint.loopback(basePort);
    }

    /** Auth's management port: health with its details and metrics, which the ingress never serves. */
    public Endpoint ingressManagement() {
        return Endpoint.loopback(ingress().port() + MANAGEMENT_PORT_OFFSET);
    }

    public Endpoint app() {
        return Endpoint.loopback(basePort + 1);
    }

    /** App's management port: health with its details, metrics, its OpenAPI document and routes; the ingress never forwards there. */
    public Endpoint appManagement() {
        return Endpoint.loopback(app().port() + MANAGEMENT_PORT_OFFSET);
    }

    public Endpoint storage() {
        return Endpoint.loopback(basePort + 2);
    }

    public Endpoint storageManagement() {
        return Endpoint.loopback(storage().port() + MANAGEMENT_PORT_OFFSET);
    }

    public Endpoint workers() {
        return Endpoint.loopback(basePort + 3);
    }

    public Endpoint workersManagement() {
        return Endpoint.loopback(workers().port() + MANAGEMENT_PORT_OFFSET);
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

    /**
     * The warehouse's landing zone, one for every cell: each archives its old check-ins there as Parquet files under
     * a prefix of its own ({@code checkins/cell=<cell>/...}), so the warehouse loads all cells from one place.
     */
    public String landingBucket() {
        return LANDING_BUCKET;
    }

    /** Where app's client secret is kept between runs (storage accepts app's tokens for it), readable by its owner only. */
    public Path appClientSecretFile(Path stateDir) {
        return stateDir.resolve(region).resolve("app-client-secret");
    }

    /** Where the workers' client secret is kept between runs, as app's is. */
    public Path workersClientSecretFile(Path stateDir) {
        return stateDir.resolve(region).resolve("workers-client-secret");
    }

    /** Where the operator's client secret for this cell is kept, as app's is. */
    public Path operatorClientSecretFile(Path stateDir) {
        return stateDir.resolve(region).resolve("operator-client-secret");
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
                "ATOLL_AUTH_INGRESS_PORT", Integer.toString(ingress().port()),
                "ENDPOINTS_ALL_PORT", Integer.toString(ingressManagement().port()),
                "ATOLL_CELL_ID", region,
                "ATOLL_CELL_REGION", region,
                "DATASOURCES_DEFAULT_URL", postgres.jdbcUrl(authDatabase()),
                "DATASOURCES_DEFAULT_USERNAME", postgres.user(),
                "ATOLL_AUTH_UPSTREAM_URL", "http://" + app(),
                "ATOLL_AUTH_MOBILE_API_APP_DOCUMENT_URL", "http://" + appManagement() + "/swagger/atoll-app.yml",
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

    /**
     * Makes a service account of this cell's auth exist whose tokens storage accepts, with its secret kept in
     * {@code secretFile}: made there when missing, and given again to an account made afresh (a new auth database).
     * Auth's admin command writes what it did to {@code log}.
     */
    public void ensureStorageClient(Path repository, PostgresServer postgres, String clientId, Path secretFile, Path log) throws IOException {
        List<String> command = authAdminCommand(repository, List.of("accounts", "ensure-service", "--client-id", clientId,
                "--scopes", STORAGE_CLIENT_SCOPES, "--secret-file", secretFile.toString()));
        int exit = Processes.run(command, authAdminEnvironment(postgres), log, Duration.ofMinutes(2));
        if (exit != 0) {
            throw new IOException(region + ": auth could not set up the service account '" + clientId + "' (exit code " + exit
                    + ", log: " + log + ")");
        }
    }

    /**
     * Ready when its health is UP: its database and the object store answer. Its database is on the core primary; once
     * storage has migrated it, the teams' scopes are applied to it, as the same owner.
     */
    JavaService storage(Path repository, Path stateDir, PostgresServer corePrimary, TeamScopes teamScopes, RabbitServer rabbitmq,
                        S3ProxyServer s3) {
        Path log = stateDir.resolve(region).resolve("storage").resolve("rabbitmqctl.log");
        return new JavaService(region + "/storage", storage(), URI.create("http://" + storageManagement() + "/health"),
                repository.resolve("cell/storage/target/atoll-storage.jar"), storageEnvironment(corePrimary, rabbitmq, s3), heaps.storage(), () -> {
                    corePrimary.ensureDatabase(coreDatabase());
                    rabbitmq.ensureVhost(new StateFile(stateDir).find(RabbitServer.NAME), vhost(), log);
                }).thenOnceReady(() -> teamScopes.apply(corePrimary.jdbcUrl(coreDatabase()), corePrimary.user(), "", region));
    }

    /** @param postgres the core primary */
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
        return new JavaService(region + "/app", app(), URI.create("http://" + appManagement() + "/health"),
                repository.resolve("cell/app/target/atoll-app.jar"), appEnvironment(rabbitmq, localNode, allNodes),
                Map.of("ATOLL_APP_STORAGE_CLIENT_SECRET", secretFile), heaps.app(),
                () -> ensureStorageClient(repository, postgres, APP_CLIENT_ID, secretFile, log));
    }

    /** All but app's client secret, which is read from its file at start. */
    Map<String, String> appEnvironment(RabbitServer rabbitmq, CassandraNode localNode, List<CassandraNode> allNodes) {
        String replication = allNodes.stream().map(node -> node.datacenter() + ":1").collect(Collectors.joining(","));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("MICRONAUT_SERVER_PORT", Integer.toString(app().port()));
        environment.put("ENDPOINTS_ALL_PORT", Integer.toString(appManagement().port()));
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

    public Path workersJar(Path repository) {
        return repository.resolve("cell/workers/target/atoll-workers.jar");
    }

    /** One of the workers' command-line modes (e.g. {@code cleanup ...}), with their heap: the command line. */
    public List<String> workersCommand(Path repository, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx" + heaps.workers(),
                "-jar", workersJar(repository).toString()));
        command.addAll(arguments);
        return command;
    }

    /** The job programs the workers run as child processes. */
    public Path jobsJar(Path repository) {
        return repository.resolve("cell/jobs/target/atoll-jobs.jar");
    }

    /**
     * Ready when their health is UP. They call their cell's storage with a token of their own service account, made
     * like app's; they start once the apps have made the keyspace whose old check-ins their cleanup archives.
     */
    JavaService workers(Path repository, Path stateDir, PostgresServer postgres, RabbitServer rabbitmq, S3ProxyServer s3,
                        CassandraNode localNode) {
        Path secretFile = workersClientSecretFile(stateDir);
        Path log = stateDir.resolve(region).resolve("workers").resolve("auth-admin.log");
        return new JavaService(region + "/workers", workers(), URI.create("http://" + workersManagement() + "/health"),
                workersJar(repository), workersEnvironment(repository, stateDir, rabbitmq, s3, localNode),
                Map.of(WORKERS_CLIENT_SECRET, secretFile), heaps.workers(),
                () -> ensureStorageClient(repository, postgres, WORKERS_CLIENT_ID, secretFile, log));
    }

    /**
     * What the workers run with, as a service and in their command-line mode (`cleanup`): all but their client secret.
     * Each cell's workers keep their jobs' files in a folder of their own under the state folder, and report on the
     * notification channels of {@link #workerSettings()}.
     */
    public Map<String, String> workersEnvironment(Path repository, Path stateDir, RabbitServer rabbitmq, S3ProxyServer s3,
                                                  CassandraNode localNode) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("MICRONAUT_SERVER_PORT", Integer.toString(workers().port()));
        environment.put("ENDPOINTS_ALL_PORT", Integer.toString(workersManagement().port()));
        environment.put("ATOLL_CELL_ID", region);
        environment.put("ATOLL_CELL_REGION", region);
        environment.putAll(rabbitEnvironment(rabbitmq));
        environment.put("ATOLL_WORKERS_STORAGE_URL", "http://" + storage());
        environment.put("ATOLL_WORKERS_STORAGE_TOKEN_URL", "http://" + ingress() + "/oauth/token");
        environment.put("ATOLL_WORKERS_STORAGE_CLIENT_ID", WORKERS_CLIENT_ID);
        environment.put("ATOLL_WORKERS_JOBS_JAR", jobsJar(repository).toString());
        environment.put("ATOLL_WORKERS_WORK_DIR", stateDir.resolve(region).resolve("workers").resolve("jobs").toString());
        // The cleanup archives the app's old check-ins from the cell's own datacenter to the landing zone.
        environment.put("ATOLL_WORKERS_CASSANDRA_CONTACT_POINTS", localNode.cql().toString());
        environment.put("ATOLL_WORKERS_CASSANDRA_LOCAL_DATACENTER", localNode.datacenter());
        environment.put("ATOLL_WORKERS_CASSANDRA_KEYSPACE", APP_KEYSPACE);
        environment.put("ATOLL_WORKERS_S3_ENDPOINT", s3.url().toString());
        environment.put("ATOLL_WORKERS_S3_REGION", s3.account().region());
        environment.put("ATOLL_WORKERS_S3_ACCESS_KEY", s3.account().accessKey());
        environment.put("ATOLL_WORKERS_S3_SECRET_KEY", s3.account().secretKey());
        environment.put("ATOLL_WORKERS_S3_PATH_STYLE", "true");
        environment.put("ATOLL_WORKERS_CLEANUP_LANDING_BUCKET", landingBucket());
        environment.putAll(workerSettings.environment());
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
