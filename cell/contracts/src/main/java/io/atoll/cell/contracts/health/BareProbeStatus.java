package io.atoll.cell.contracts.health;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthCheckType;
import io.micronaut.management.health.indicator.HealthResult;
import org.reactivestreams.Publisher;

import java.util.Map;

/**
 * A readiness or liveness probe's answer on a service's API port, where health details are not told: the bare
 * {@code {"status":...}}, 200 while up and 503 otherwise. The details are on the management port.
 */
public final class BareProbeStatus {
    private BareProbeStatus() {
    }

    public static Publisher<HttpResponse<Map<String, String>>> of(HealthEndpoint health, HealthCheckType type) {
        return Publishers.map(health.getHealth(null, type), BareProbeStatus::bare);
    }

    private static HttpResponse<Map<String, String>> bare(HealthResult result) {
        boolean up = result.getStatus().getOperational().orElse(true);
        return HttpResponse.<Map<String, String>>status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("status", result.getStatus().getName()));
    }
}
