package io.atoll.cell.workers.messaging;

import io.atoll.cell.workers.domain.pipeline.StaleJobReaper;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Looks for jobs whose worker vanished every {@code atoll.workers.pipeline.reaper-interval}, on every worker (not in
 * a context without the broker, such as the cleanup command's: taking a job over means publishing it again).
 */
@Singleton
@Requires(property = "rabbitmq.enabled", notEquals = "false")
final class StaleJobSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(StaleJobSchedule.class);

    private final StaleJobReaper reaper;

    StaleJobSchedule(StaleJobReaper reaper) {
        this.reaper = requireNonNull(reaper, "reaper is null");
    }

    @Scheduled(fixedDelay = "${atoll.workers.pipeline.reaper-interval}", initialDelay = "${atoll.workers.pipeline.reaper-interval}")
    void reap() {
        try {
            reaper.reap();
        } catch (RuntimeException storageAway) {
            LOG.warn("Could not look for stale jobs now, trying again on the next round: {}", storageAway.toString());
        }
    }
}
