package io.atoll.router.config;

import io.atoll.router.domain.CellHealthBoard;
import io.atoll.router.domain.CellSelector;
import io.atoll.router.domain.CurrentRegistry;
import io.atoll.router.domain.HealthPolicy;
import io.atoll.router.domain.OperatorDrains;
import io.atoll.router.domain.RegionLatencies;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The routing domain's objects, built from the settings. */
@Factory
final class RouterBeans {
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    CellHealthBoard cellHealthBoard(HealthSettings settings) {
        return new CellHealthBoard(new HealthPolicy(settings.healthyThreshold(), settings.unhealthyThreshold(),
                settings.ejectionFailures(), settings.baseEjectionTime(), settings.maxEjectionTime()));
    }

    @Singleton
    OperatorDrains operatorDrains() {
        return new OperatorDrains();
    }

    @Singleton
    RegionLatencies regionLatencies(RouterSettings settings) {
        return RegionLatencies.parse(settings.regionLatencies());
    }

    @Singleton
    CellSelector cellSelector(CurrentRegistry registry, CellHealthBoard health, OperatorDrains drains, RegionLatencies latencies) {
        return new CellSelector(registry, health, drains, latencies);
    }
}
