package io.atoll.devstack.platform;

import io.atoll.devstack.server.Endpoint;
import io.atoll.devstack.server.cassandra.CassandraNode;
import io.atoll.devstack.server.postgres.PostgresServer;
import io.atoll.devstack.server.service.JavaService;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The services of one cell on this machine: auth, the cell's ingress, on the cell's base port, and app
 * on the next one. Cell k of the platform has base port 8110 + 10k.
 *
 * @param region the cell's region, which is also its id locally
 * @param basePort auth's port
 * @param peerIngresses the other cells' ingresses, whose signing keys this cell's auth trusts
 */
public record CellServices(String region, int basePort, List<Endpoint> peerIngresses) {
    /** All cells share one keyspace replicated to every region, so a failed-over member's devices are there. */
    static final String APP_KEYSPACE = "atoll_app";

    public CellServices {
        requireNonNull(region, "region is null");
        peerIngresses = List.copyOf(peerIngresses);
    }

    public Endpoint ingress() {
        return Endpoint.loopback(basePort);
    }

    public Endpoint app() {
        return Endpoint.loopback(basePort + 1);
    }

    public String authDatabase() {
        return "auth_" + region.replace('-', '_');
    }

    /**
     * Ready once alive: its readiness also asks for the app behind it, which may start in a later stage (the
     * router, which probes readiness, starts after every cell).
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

    JavaService app(Path repository, CassandraNode localNode, List<CassandraNode> allNodes) {
        String replication = allNodes.stream().map(node -> node.datacenter() + ":1").collect(Collectors.joining(","));
        Map<String, String> environment = Map.of(
                "MICRONAUT_SERVER_PORT", Integer.toString(app().port()),
                "ATOLL_CELL_ID", region,
                "ATOLL_CELL_REGION", region,
                "ATOLL_APP_CASSANDRA_CONTACT_POINTS", localNode.cql().toString(),
                "ATOLL_APP_CASSANDRA_LOCAL_DATACENTER", localNode.datacenter(),
                "ATOLL_APP_CASSANDRA_KEYSPACE", APP_KEYSPACE,
                "ATOLL_APP_CASSANDRA_REPLICATION", replication);
        return new JavaService(region + "/app", app(), repository.resolve("cell/app/target/atoll-app.jar"), environment, "256m",
                JavaService.Preparation.NONE);
    }
}
