package io.atoll.cell.app.api.health;

import io.atoll.cell.contracts.health.BareProbeStatus;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthCheckType;
import org.reactivestreams.Publisher;

import java.util.Map;

/**
 * The app's readiness on its API port, as a bare status, for the cell's ingress: its readiness asks for the app's
 * (the global router probes the ingress), and the ingress reaches the app on this port only. Everything else health
 * knows is on the management port. Never reached from outside: the ingress answers this path itself.
 */
@Controller
final class ReadinessProbeController {
    private final HealthEndpoint health;

    ReadinessProbeController(HealthEndpoint health) {
        this.health = health;
    }

    @Get(uri = "/health/readiness", produces = MediaType.APPLICATION_JSON)
    Publisher<HttpResponse<Map<String, String>>> readiness() {
        return BareProbeStatus.of(health, HealthCheckType.READINESS);
    }
}
