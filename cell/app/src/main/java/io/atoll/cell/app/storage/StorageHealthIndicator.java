package io.atoll.cell.app.storage;

import io.atoll.cell.app.config.StorageSettings;
import io.atoll.cell.contracts.health.ReachabilityProbe;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether storage answers, as a detail of the app's health that never makes it DOWN: check-ins, devices and the
 * feed keep working without storage, so the cell must stay in service while it is away.
 */
@Singleton
final class StorageHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final StorageSettings settings;
    private final ReachabilityProbe probe;

    StorageHealthIndicator(StorageSettings settings, Clock clock) {
        this.settings = settings;
        this.probe = new ReachabilityProbe(URI.create(settings.url().toString().replaceAll("/+$", "") + "/storage/v1/items?limit=1"), clock);
    }

    @Override
    protected String getName() {
        return "storage";
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        ReachabilityProbe.Reachability last = probe.check();
        healthStatus = HealthStatus.UP;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("url", settings.url().toString());
        details.put("reachable", last.reachable());
        last.problem().ifPresent(problem -> details.put("error", problem));
        details.put("checkedAt", last.checkedAt().toString());
        return details;
    }
}
