package io.atoll.cell.workers.storage;

import io.atoll.cell.contracts.health.ReachabilityProbe;
import io.atoll.cell.workers.config.StorageSettings;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether storage answers: without it no request is planned, no job recorded, nothing completed, so the workers
 * are DOWN while it is away (their messages wait in the queues meanwhile).
 */
@Singleton
final class StorageHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final StorageSettings settings;
    private final ReachabilityProbe probe;

    StorageHealthIndicator(StorageSettings settings, Clock clock) {
        this.settings = settings;
        this.probe = new ReachabilityProbe(URI.create(settings.url().toString().replaceAll("/+$", "") + "/storage/v1/jobs/stale"), clock);
    }

    @Override
    protected String getName() {
        return "storage";
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        ReachabilityProbe.Reachability last = probe.check();
        healthStatus = last.reachable() ? HealthStatus.UP : HealthStatus.DOWN;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("url", settings.url().toString());
        last.problem().ifPresent(problem -> details.put("error", problem));
        details.put("checkedAt", last.checkedAt().toString());
        return details;
    }
}
