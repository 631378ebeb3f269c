package io.atoll.cell.storage.objects;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/** The object store's part of the service's health: whether the uploads bucket answers. */
@Singleton
final class ObjectStoreHealthIndicator extends AbstractHealthIndicator<Map<String, String>> {
    private final S3ObjectStore objects;

    ObjectStoreHealthIndicator(S3ObjectStore objects) {
        this.objects = requireNonNull(objects, "objects is null");
    }

    @Override
    protected Map<String, String> getHealthInformation() {
        try {
            objects.reachable();
            healthStatus = HealthStatus.UP;
            return Map.of();
        } catch (RuntimeException e) {
            healthStatus = HealthStatus.DOWN;
            return Map.of("error", String.valueOf(e.getMessage()));
        }
    }

    @Override
    protected String getName() {
        return "objectStore";
    }
}
