package io.atoll.devstack.cli;

import io.atoll.devstack.platform.CellServices;
import io.atoll.devstack.platform.ComponentStatus;
import io.atoll.devstack.platform.CoreDatabases;
import io.atoll.devstack.platform.PlatformSettings;
import io.atoll.devstack.platform.RouterServices;
import io.atoll.devstack.server.cassandra.CassandraNode;
import io.atoll.devstack.server.s3.S3Account;
import io.atoll.devstack.server.trino.TrinoServer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every address of the local platform a person uses, with what it is for: the closing table of `up`. The
 * services speak HTTP, so theirs are URLs to click; the servers' are host and port for their own clients.
 */
final class Addresses {
    /** Each service's Swagger UI, on its management port. */
    private static final String SWAGGER_UI = "/swagger-ui";
    /** The mobile API's OpenAPI document, which every cell's ingress serves and so the router too. */
    private static final String MOBILE_API = "/openapi/mobile-api.yml";

    private Addresses() {
    }

    /** One component's address and what else a person needs to reach it. */
    record Address(String address, String note) {
    }

    static Map<String, Address> of(PlatformSettings settings) {
        Map<String, Address> addresses = new HashMap<>();
        RouterServices router = settings.router();
        addresses.put("router", new Address("http://" + router.dataPlane(), "where the mobile app connects (its API: http://" + router.dataPlane()
                + MOBILE_API + "); admin API and page: http://" + router.admin() + "/, Swagger UI: http://" + router.admin() + SWAGGER_UI));
        for (CellServices cell : settings.cells()) {
            addresses.put(cell.region() + "/auth", new Address("http://" + cell.ingress(), "the cell's ingress; management (health, metrics, "
                    + "Swagger UI): http://" + cell.ingressManagement() + SWAGGER_UI));
            addresses.put(cell.region() + "/app", new Address("http://" + cell.app(), "the mobile API, behind the ingress; management: http://"
                    + cell.appManagement() + SWAGGER_UI));
            addresses.put(cell.region() + "/storage", new Address("http://" + cell.storage(),
                    "management (health, metrics, Swagger UI): http://" + cell.storageManagement() + SWAGGER_UI));
            addresses.put(cell.region() + "/workers", new Address("http://" + cell.workers(),
                    "jobs, notifications, cleanup (no HTTP API); management: http://" + cell.workersManagement()
                            + "/health; `atoll jobs`, `atoll dlq`"));
        }
        S3Account account = settings.s3Server().account();
        addresses.put("s3", new Address("http://" + settings.s3(), "S3 API (S3Proxy), path-style; access key " + account.accessKey()
                + ", secret " + account.secretKey()));
        addresses.put("postgres", new Address(settings.postgres().toString(), "user " + settings.postgresServer().user()));
        addresses.put(CoreDatabases.PRIMARY_NAME, new Address(settings.coreDatabases().primary().toString(), "the cells' core databases (core_<cell>), user "
                + settings.coreDatabases().primaryServer().user() + "; the analytics team is refused here"));
        addresses.put(CoreDatabases.REPLICA_NAME, new Address(settings.coreDatabases().replica().toString(),
                "their streaming read replica, read-only; where the analytics team logs in"));
        settings.dataAccess().ifPresent(dataAccess -> {
            if (dataAccess.trino().isPresent()) {
                TrinoServer trino = settings.trino();
                addresses.put(TrinoServer.NAME, new Address(trino.httpsUrl().toString(), "SQL across the cells' replicas for people granted by "
                        + "`atoll data grant` (Trino CLI, trino-jdbc); certificate: " + trino.certificate()));
            }
            addresses.put("data-access", new Address("http://" + dataAccess.service() + "/console", "the team console; drift audit, "
                    + "health and metrics: http://" + dataAccess.serviceManagement() + "/audit"));
        });
        addresses.put("rabbitmq", new Address(settings.rabbitmq().toString(), "AMQP, " + settings.rabbitServer().user() + "/"
                + settings.rabbitServer().password() + ", a vhost per cell"));
        for (CassandraNode node : settings.cassandraNodes()) {
            addresses.put("cassandra-" + node.datacenter(), new Address(node.cql().toString(), "CQL, datacenter " + node.datacenter()));
        }
        return addresses;
    }

    /** Each component's state and address, then the operator token's file. */
    static String table(List<ComponentStatus> components, PlatformSettings settings) {
        Map<String, Address> addresses = of(settings);
        StringBuilder table = new StringBuilder(String.format("%-20s %-10s %-26s %s%n", "COMPONENT", "STATE", "ADDRESS", "WHAT"));
        for (ComponentStatus component : components) {
            Address address = addresses.getOrDefault(component.name(), new Address(component.endpoint().toString(), ""));
            table.append(String.format("%-20s %-10s %-26s %s%n", component.name(), StatusView.state(component), address.address(), address.note()));
        }
        if (settings.repository().isPresent()) {
            table.append("operator token (router admin API, `atoll cells`): ").append(settings.stateDir().resolve(RouterServices.ADMIN_TOKEN_FILE)).append('\n');
        }
        table.append("logs: ").append(settings.stateDir()).append("/<component>/ (`atoll status` names each)\n");
        return table.toString();
    }
}
