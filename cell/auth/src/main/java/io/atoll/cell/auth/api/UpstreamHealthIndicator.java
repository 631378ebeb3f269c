package io.atoll.cell.auth.api;

import io.atoll.cell.auth.config.AuthSettings;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The cell's ingress is ready only while the app behind it is: the global router probes the ingress, and a
 * live auth in front of a dead app would otherwise keep receiving members it can only answer 502. Liveness
 * ({@code /health/liveness}) leaves the app out: auth itself is fine.
 */
@Singleton
@Readiness
final class UpstreamHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    /** Below the router's probe timeout, so that a slow app reads as not ready rather than as a silent ingress. */
    private static final Duration TIMEOUT = Duration.ofMillis(400);

    private final URI readiness;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    UpstreamHealthIndicator(AuthSettings settings) {
        this.readiness = settings.upstreamUrl().resolve("/health/readiness");
    }

    @Override
    protected String getName() {
        return "upstream";
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        try {
            int status = http.send(HttpRequest.newBuilder(readiness).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            healthStatus = status == 200 ? HealthStatus.UP : HealthStatus.DOWN;
            return Map.of("url", readiness.toString(), "status", status);
        } catch (IOException e) {
            healthStatus = HealthStatus.DOWN;
            return Map.of("url", readiness.toString(), "error", String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            healthStatus = HealthStatus.DOWN;
            return Map.of("url", readiness.toString(), "error", "interrupted");
        }
    }
}
