package io.atoll.cell.workers.messaging;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The workers are DOWN while their queues are not declared: a worker without its retry queues could not hand a
 * failed message on, and one the broker refused the declaration of needs an operator (the reason says why).
 */
@Singleton
@Requires(property = "rabbitmq.enabled", notEquals = "false")
final class TopologyHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final WorkersTopology topology;

    TopologyHealthIndicator(WorkersTopology topology) {
        this.topology = requireNonNull(topology, "topology is null");
    }

    @Override
    protected String getName() {
        return "queues";
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        healthStatus = topology.problem().isEmpty() ? HealthStatus.UP : HealthStatus.DOWN;
        return topology.problem().<Map<String, Object>>map(problem -> Map.of("declared", false, "error", problem))
                .orElse(Map.of("declared", true));
    }
}
