package io.atoll.cell.workers.storage;

import io.atoll.cell.workers.config.StorageSettings;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Whether storage answers: without it no request is planned, no job recorded, nothing completed, so the workers
 * are DOWN while it is away (their messages wait in the queues meanwhile). Any HTTP answer counts (the probe carries
 * no token); the result is reused for a few seconds, since health is asked often.
 */
@Singleton
final class StorageHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private static final Duration REUSE = Duration.ofSeconds(5);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private final StorageSettings settings;
    private final Clock clock;
    private final HttpClient http;
    private Probe last;

    StorageHealthIndicator(StorageSettings settings, Clock clock) {
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(PROBE_TIMEOUT).build();
    }

    @Override
    protected String getName() {
        return "storage";
    }

    @Override
    protected synchronized Map<String, Object> getHealthInformation() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.at().plus(REUSE))) {
            last = probe(now);
        }
        healthStatus = last.problem() == null ? HealthStatus.UP : HealthStatus.DOWN;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("url", settings.url().toString());
        if (last.problem() != null) {
            details.put("error", last.problem());
        }
        details.put("checkedAt", last.at().toString());
        return details;
    }

    private Probe probe(Instant now) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.url().toString().replaceAll("/+$", "") + "/storage/v1/jobs/stale"))
                .timeout(PROBE_TIMEOUT)
                .GET()
                .build();
        try {
            http.send(request, HttpResponse.BodyHandlers.discarding());
            return new Probe(now, null);
        } catch (IOException unreachable) {
            return new Probe(now, unreachable.toString());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Probe(now, "interrupted");
        }
    }

    private record Probe(Instant at, String problem) {
    }
}
