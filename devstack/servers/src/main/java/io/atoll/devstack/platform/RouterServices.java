package io.atoll.devstack.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.atoll.devstack.server.Endpoint;
import io.atoll.devstack.server.postgres.PostgresServer;
import io.atoll.devstack.server.service.JavaService;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The global router on this machine: the data plane the mobile app connects to, and its admin API and page.
 *
 * @param dataPlane where the mobile app connects
 * @param admin the admin API and page, health and metrics
 */
public record RouterServices(Endpoint dataPlane, Endpoint admin) {
    /** The local platform's operator token for the router's admin API, relative to the state folder. */
    public static final String ADMIN_TOKEN_FILE = "router/admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    JavaService router(Path repository, Path stateDir, PostgresServer postgres, List<CellServices> cells) {
        Path home = stateDir.resolve("router");
        Path registry = home.resolve("cells.json");
        Path tokenFile = stateDir.resolve(ADMIN_TOKEN_FILE);
        String jwks = cells.stream().map(cell -> "http://" + cell.ingress() + "/.well-known/jwks.json").collect(Collectors.joining(","));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("MICRONAUT_SERVER_PORT", Integer.toString(admin.port()));
        environment.put("ATOLL_ROUTER_DATA_PLANE_PORT", Integer.toString(dataPlane.port()));
        environment.put("ATOLL_ROUTER_REGISTRY_FILE", registry.toString());
        environment.put("DATASOURCES_DEFAULT_URL", postgres.jdbcUrl("router"));
        environment.put("DATASOURCES_DEFAULT_USERNAME", postgres.user());
        environment.put("ATOLL_ROUTER_OPERATOR_JWKS_URLS", jwks);
        // A local platform's operators have no tokens of their own yet: the router takes a fixed one, kept
        // where only this machine's user reads it, and only in its development environment.
        environment.put("MICRONAUT_ENVIRONMENTS", "dev");
        environment.put("ATOLL_ROUTER_DEVELOPMENT_OPERATOR_TOKEN", adminToken(tokenFile));
        return new JavaService("router", dataPlane, URI.create("http://" + admin + "/health"), repository.resolve("global-router/target/atoll-router.jar"),
                environment, "256m", () -> {
                    postgres.ensureDatabase("router");
                    Files.createDirectories(home);
                    Files.writeString(registry, registryJson(cells));
                });
    }

    /** The cells as `terraform output -json` would list them, the shape the router reads. */
    static String registryJson(List<CellServices> cells) {
        Map<String, Object> value = new LinkedHashMap<>();
        for (CellServices cell : cells) {
            value.put(cell.region(), Map.of("id", cell.region(), "region", cell.region(), "ingress_url", "http://" + cell.ingress(),
                    "state", "active"));
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("cells", Map.of("sensitive", false, "value", value)));
        } catch (IOException e) {
            throw new IllegalStateException("the registry is not serialisable", e);
        }
    }

    private static String adminToken(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            String token = HexFormat.of().formatHex(secret);
            Files.createDirectories(file.getParent());
            Files.writeString(file, token);
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            return token;
        } catch (IOException e) {
            throw new PlatformException("could not keep the router's admin token in " + file + ": " + e.getMessage(), e);
        }
    }
}
