package io.atoll.router;

import io.atoll.testing.PostgresDatabase;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The settings a router under test runs with: its own database and registry file, free ports, quick probes. */
final class RouterTestProperties {
    private RouterTestProperties() {
    }

    static Map<String, String> of(PostgresDatabase database, Path registryFile) {
        Map<String, String> properties = new HashMap<>(database.micronautProperties("default"));
        properties.put("micronaut.server.port", "-1");
        properties.put("atoll.router.data-plane.port", "0");
        properties.put("atoll.router.data-plane.threads", "2");
        properties.put("atoll.router.registry.file", registryFile.toString());
        properties.put("atoll.router.registry.reload-interval", "200ms");
        properties.put("atoll.router.health.interval", "100ms");
        properties.put("atoll.router.health.timeout", "300ms");
        return properties;
    }
}
