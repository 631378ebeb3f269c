package io.atoll.devstack.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atoll.devstack.server.Endpoint;
import io.atoll.devstack.server.postgres.PostgresReplica;
import io.atoll.devstack.server.postgres.PostgresServer;
import io.atoll.devstack.server.service.JavaService;
import io.atoll.devstack.server.trino.TrinoCatalog;
import io.atoll.devstack.server.trino.TrinoServer;
import io.atoll.devstack.server.trino.TrinoSettings;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where the data-access layer listens: Trino, the one SQL endpoint over the cells' replicas, and the data-access service
 * (the drift audit, the aggregates' schedule and the team console).
 *
 * @param trino where Trino listens; empty for a layer of the service alone, which needs no Trino (Trino takes 2 GB)
 * @param service the data-access service's public address; its management port is this + 1000
 */
public record DataAccessServers(Optional<TrinoAddresses> trino, Endpoint service) {
    public static final DataAccessServers LOCAL = new DataAccessServers(Endpoint.loopback(8090), 8443, Endpoint.loopback(8100));

    /**
     * @param http Trino's HTTP address (its own traffic; people's queries are refused there)
     * @param httpsPort where people connect to Trino with a password, on the same host
     */
    public record TrinoAddresses(Endpoint http, int httpsPort) {
        public TrinoAddresses {
            requireNonNull(http, "http is null");
        }

        public Endpoint https() {
            return new Endpoint(http.host(), httpsPort);
        }
    }

    public DataAccessServers {
        requireNonNull(trino, "trino is null");
        requireNonNull(service, "service is null");
    }

    /** Trino and the service. */
    public DataAccessServers(Endpoint trinoHttp, int trinoHttpsPort, Endpoint service) {
        this(Optional.of(new TrinoAddresses(trinoHttp, trinoHttpsPort)), service);
    }

    /** The data-access service without Trino. */
    public static DataAccessServers serviceOnly(Endpoint service) {
        return new DataAccessServers(Optional.empty(), service);
    }

    public Endpoint serviceManagement() {
        return new Endpoint(service.host(), service.port() + CellServices.MANAGEMENT_PORT_OFFSET);
    }

    /**
     * Trino with a catalog per cell on the cell's core database as the replica serves it, and the teams' access rules.
     * Its catalogs read as the replica's superuser, so that no row policy of a team hides rows from them: the rules,
     * with each person's identity, decide what a person reads.
     *
     * @throws PlatformException when the layer runs without Trino
     */
    public TrinoServer trino(Path stateDir, PostgresReplica replica, String replicaUser, List<CellServices> cells, TeamScopes teamScopes) {
        TrinoAddresses addresses = trino.orElseThrow(() -> new PlatformException("this platform's data-access layer runs without Trino"));
        List<TrinoCatalog> catalogs = cells.stream()
                .map(cell -> new TrinoCatalog(cell.coreDatabase(), replica.jdbcUrl(cell.coreDatabase()), replicaUser, ""))
                .toList();
        TrinoSettings settings = new TrinoSettings(addresses.http(), addresses.httpsPort(), stateDir.resolve(TrinoServer.NAME),
                TrinoSettings.LOCAL_HEAP_MEGABYTES, catalogs);
        return new TrinoServer(settings, () -> teamScopes.trinoRules(catalogs.stream().map(TrinoCatalog::name).toList()));
    }

    /** The data-access service, auditing every cell's core database on the primary, as the owner the scopes are applied as. */
    public JavaService service(Path repository, PostgresServer corePrimary, List<CellServices> cells) {
        Map<String, Object> cellDatabases = new LinkedHashMap<>();
        for (CellServices cell : cells) {
            cellDatabases.put(cell.region(), Map.of("url", corePrimary.jdbcUrl(cell.coreDatabase()), "username", corePrimary.user(),
                    "password", ""));
        }
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("MICRONAUT_SERVER_PORT", Integer.toString(service.port()));
        environment.put("ENDPOINTS_ALL_PORT", Integer.toString(serviceManagement().port()));
        environment.put("ATOLL_DATA_ACCESS_SCOPES", repository.resolve("data-access/scopes").toString());
        // The service's own overrideConfigLocations does not find its application.yml inside the shaded JAR.
        environment.put("MICRONAUT_CONFIG_FILES", "classpath:io/atoll/dataaccess/service/application.yml");
        // Cell ids hold dashes, which no environment variable's name can carry into a property name.
        environment.put("MICRONAUT_APPLICATION_JSON", json(Map.of("atoll", Map.of("data-access", Map.of("cells", cellDatabases)))));
        return new JavaService("data-access", service, URI.create("http://" + serviceManagement() + "/health"),
                repository.resolve("data-access/target/atoll-data-access-service.jar"), environment, "128m", JavaService.Preparation.NONE);
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the data-access service's cells do not serialise", e);
        }
    }
}
