package io.atoll.cell.auth.api;

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
 * The readiness and liveness probes on the public port, as bare statuses: the global router probes a cell through
 * its ingress, and a platform's probes may too. What stands behind a status (the database, the app) is told only on
 * the management port, with everything else the health endpoint knows.
 */
@Controller
final class IngressProbeController {
    private final HealthEndpoint health;

    IngressProbeController(HealthEndpoint health) {
        this.health = health;
    }

    @Get(uri = OwnRoutes.READINESS, produces = MediaType.APPLICATION_JSON)
    Publisher<HttpResponse<Map<String, String>>> readiness() {
        return BareProbeStatus.of(health, HealthCheckType.READINESS);
    }

    @Get(uri = OwnRoutes.LIVENESS, produces = MediaType.APPLICATION_JSON)
    Publisher<HttpResponse<Map<String, String>>> liveness() {
        return BareProbeStatus.of(health, HealthCheckType.LIVENESS);
    }
}
