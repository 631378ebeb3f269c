package io.atoll.testing;

import io.atoll.devstack.platform.CoreDatabases;
import io.atoll.devstack.platform.LocalPlatform;
import io.atoll.devstack.process.OwnedProcess;
import io.atoll.devstack.process.StateFile;
import io.atoll.devstack.server.Endpoint;
import io.atoll.devstack.server.Server;
import io.atoll.devstack.server.cassandra.CassandraNode;
import io.atoll.devstack.server.cassandra.CassandraServer;
import io.atoll.devstack.server.postgres.PostgresReplica;
import io.atoll.devstack.server.postgres.PostgresServer;
import io.atoll.devstack.server.rabbitmq.RabbitServer;
import io.atoll.devstack.server.s3.S3Account;
import io.atoll.devstack.server.s3.S3ProxyServer;
import io.atoll.devstack.server.trino.TrinoServer;
import io.atoll.devstack.server.trino.TrinoSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * The real servers integration tests run against, one of each for the whole build.
 *
 * <p>Where a Docker engine answers, PostgreSQL, RabbitMQ and Cassandra come from Testcontainers. Otherwise PostgreSQL and RabbitMQ are
 * the ones running on this machine (or private ones started here when none answers), and Cassandra is the
 * project's own: started by the first module that needs it, reused by every later module, and stopped
 * when the build's Maven process exits. The S3 object store is always the project's own S3Proxy, with or
 * without Docker (it is a JVM from Maven Central), started and stopped the same way as Cassandra.
 *
 * <p>Settings (system property or environment variable): {@code atoll.test.state} / {@code ATOLL_TEST_STATE}
 * (state folder, default {@code target/test-servers}), {@code ATOLL_TEST_POSTGRES_PORT} (5432),
 * {@code ATOLL_TEST_RABBITMQ_PORT} (5672), {@code ATOLL_TEST_CASSANDRA_PORT} (19042),
 * {@code ATOLL_TEST_S3_PORT} (18333), {@code ATOLL_TEST_CORE_PRIMARY_PORT} (15442) and {@code ATOLL_TEST_CORE_REPLICA_PORT}
 * (15443), {@code ATOLL_TEST_DOCKER} ({@code auto} or {@code never}).
 */
public final class TestServers {
    private static final Logger LOG = LoggerFactory.getLogger(TestServers.class);
    /** The datacenter of the test Cassandra node: a cell's region, as in the local platform. */
    public static final String CASSANDRA_DATACENTER = "eu-west-1";

    private static TestPostgres postgres;
    private static TestRabbit rabbitmq;
    private static TestCassandra cassandra;
    private static TestS3 s3;
    private static TestTrino trino;
    private static TestCorePostgres corePostgres;
    private static Boolean docker;

    private TestServers() {
    }

    public static synchronized TestPostgres postgres() {
        if (postgres == null) {
            postgres = useDocker() ? TestPostgres.container() : TestPostgres.local(
                    ensure(new PostgresServer(Endpoint.loopback(setting("ATOLL_TEST_POSTGRES_PORT", 5432)), "postgres")));
        }
        return postgres;
    }

    public static synchronized TestRabbit rabbitmq() {
        if (rabbitmq == null) {
            rabbitmq = useDocker() ? TestRabbit.container() : TestRabbit.local(
                    ensure(new RabbitServer(Endpoint.loopback(setting("ATOLL_TEST_RABBITMQ_PORT", 5672)), "guest", "guest")),
                    stateDir());
        }
        return rabbitmq;
    }

    public static synchronized TestCassandra cassandra() {
        if (cassandra == null) {
            if (useDocker()) {
                cassandra = TestCassandra.container();
            } else {
                int port = setting("ATOLL_TEST_CASSANDRA_PORT", 19042);
                CassandraNode node = CassandraNode.single(Endpoint.loopback(port), port - 2042, CASSANDRA_DATACENTER, "512m");
                cassandra = TestCassandra.local(ensure(new CassandraServer(node)));
            }
        }
        return cassandra;
    }

    public static synchronized TestS3 s3() {
        if (s3 == null) {
            S3ProxyServer server = new S3ProxyServer(Endpoint.loopback(setting("ATOLL_TEST_S3_PORT", 18333)), S3Account.LOCAL);
            s3 = TestS3.local(ensure(server));
        }
        return s3;
    }

    /**
     * The pair the cells' core databases run on: a primary and its streaming replica of the project's own, with or
     * without Docker, started and stopped as Cassandra is, with whatever login rules its primary was last given.
     */
    public static synchronized TestCorePostgres corePostgres() {
        if (corePostgres == null) {
            PostgresServer primary = corePrimary(List.of());
            PostgresReplica replica = coreReplica(primary, List.of());
            ensure(List.of(List.of(primary), List.of(replica)));
            corePostgres = new TestCorePostgres(replica);
        }
        return corePostgres;
    }

    /**
     * {@link #corePostgres()}, its servers' logins ruled by these {@code pg_hba.conf} lines (see
     * {@code PostgresLoginRulesCompiler}) from now on: the pair is one for the whole build, and the modules that need
     * rules of their own set them.
     */
    public static synchronized TestCorePostgres corePostgres(List<String> primaryRules, List<String> replicaRules) {
        TestCorePostgres pair = corePostgres();
        PostgresServer primary = corePrimary(primaryRules);
        PostgresReplica replica = coreReplica(primary, replicaRules);
        try {
            primary.reloadLoginRules(startedByThisBuild(primary));
            replica.reloadLoginRules(startedByThisBuild(replica));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pair;
    }

    private static OwnedProcess startedByThisBuild(Server server) throws IOException {
        return new StateFile(stateDir()).find(server.name()).filter(process -> process.live().isPresent())
                .orElseThrow(() -> new IllegalStateException(server.name() + " at " + server.endpoint()
                        + " is not one this build started: its login rules are not the build's to set"));
    }

    private static PostgresServer corePrimary(List<String> rules) {
        List<String> lines = List.copyOf(rules);
        return new PostgresServer(CoreDatabases.PRIMARY_NAME, Endpoint.loopback(setting("ATOLL_TEST_CORE_PRIMARY_PORT", 15442)), "postgres",
                "ATOLL_TEST_CORE_PRIMARY_PORT", () -> lines);
    }

    private static PostgresReplica coreReplica(PostgresServer primary, List<String> rules) {
        List<String> lines = List.copyOf(rules);
        return new PostgresReplica(CoreDatabases.REPLICA_NAME, Endpoint.loopback(setting("ATOLL_TEST_CORE_REPLICA_PORT", 15443)), primary,
                "ATOLL_TEST_CORE_REPLICA_PORT", () -> lines);
    }

    /**
     * The project's own Trino (1 GB heap), with or without Docker, started and stopped as Cassandra is. It starts with
     * no catalog and no rules but its operator's: a test adds its database's catalog, its rules and its logins.
     * Ports: {@code ATOLL_TEST_TRINO_PORT} (HTTP, 18690) and {@code ATOLL_TEST_TRINO_HTTPS_PORT} (18643).
     */
    public static synchronized TestTrino trino() {
        if (trino == null) {
            Endpoint http = Endpoint.loopback(setting("ATOLL_TEST_TRINO_PORT", 18690));
            TrinoSettings settings = new TrinoSettings(http, setting("ATOLL_TEST_TRINO_HTTPS_PORT", 18643),
                    stateDir().resolve(TrinoServer.NAME), 1024, List.of());
            trino = TestTrino.local(ensure(new TrinoServer(settings, () -> "{}")));
        }
        return trino;
    }

    /** Makes the server available: the one that answers, the one an earlier module started, or a new one. */
    private static <S extends Server> S ensure(S server) {
        ensure(List.of(List.of(server)));
        return server;
    }

    private static void ensure(List<List<Server>> stages) {
        LocalPlatform platform = new LocalPlatform(stateDir(), stages, OptionalLong.of(buildPid()));
        platform.up((component, message) -> LOG.info("[{}] {}", component, message));
    }

    /** The Maven process that forked this test JVM: the servers started for tests live as long as it does. */
    private static long buildPid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(ProcessHandle.current().pid());
    }

    static Path stateDir() {
        String configured = System.getProperty("atoll.test.state", System.getenv("ATOLL_TEST_STATE"));
        return Path.of(configured != null ? configured : "target/test-servers").toAbsolutePath();
    }

    private static boolean useDocker() {
        if (docker == null) {
            docker = !"never".equals(System.getenv("ATOLL_TEST_DOCKER")) && DockerClientFactory.instance().isDockerAvailable();
            LOG.info(docker ? "Docker answers: test servers come from Testcontainers" : "no Docker engine: using this machine's servers");
        }
        return docker;
    }

    private static int setting(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
