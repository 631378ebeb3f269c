package io.atoll.cell.storage.metrics;

import io.atoll.cell.storage.store.ReplicaLag;
import io.atoll.cell.storage.store.ReplicaLagStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.ToDoubleFunction;

import static java.util.Objects.requireNonNull;

/**
 * Exports the lag of each streaming replica of the cell's database ({@code atoll_storage_replica_lag_bytes} and
 * {@code _seconds}, tagged with the replica's name), where the teams kept to the replicas read. Storage owns the
 * database, so it reports on it. A replica that stops streaming, or a database that does not answer, drops its series:
 * an alert on their absence sees it.
 */
@Singleton
public class ReplicaLagMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaLagMetrics.class);

    private final ReplicaLagStore store;
    private final MultiGauge bytes;
    private final MultiGauge seconds;

    ReplicaLagMetrics(ReplicaLagStore store, MeterRegistry meters) {
        this.store = requireNonNull(store, "store is null");
        bytes = MultiGauge.builder("atoll.storage.replica.lag.bytes").baseUnit("bytes")
                .description("WAL the cell's database has written that the replica has not replayed yet").register(meters);
        seconds = MultiGauge.builder("atoll.storage.replica.lag.seconds").baseUnit("seconds")
                .description("How long the replica's last replayed change took to reach it from the cell's database; 0 once caught up")
                .register(meters);
    }

    @Scheduled(fixedDelay = "5s")
    void refresh() {
        List<ReplicaLag> replicas;
        try {
            replicas = store.replicas();
        } catch (RuntimeException e) {
            LOG.debug("the replicas' lag could not be read: {}", e.getMessage());
            replicas = List.of();
        }
        bytes.register(rows(replicas, ReplicaLag::bytes), true);
        seconds.register(rows(replicas, ReplicaLag::seconds), true);
    }

    private static List<MultiGauge.Row<?>> rows(List<ReplicaLag> replicas, ToDoubleFunction<ReplicaLag> value) {
        return replicas.stream().<MultiGauge.Row<?>>map(replica -> MultiGauge.Row.of(Tags.of("replica", replica.replica()), value.applyAsDouble(replica)))
                .toList();
    }
}
