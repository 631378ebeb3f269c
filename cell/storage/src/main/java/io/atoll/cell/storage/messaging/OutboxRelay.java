package io.atoll.cell.storage.messaging;

import io.atoll.cell.storage.config.OutboxSettings;
import io.atoll.cell.storage.store.OutboxSignal;
import io.atoll.cell.storage.store.OutboxStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Moves committed events from the outbox to the broker, at least once each: a batch is marked sent only in the
 * transaction that waited for the broker's confirms. Idle, it wakes when this instance commits an event and
 * polls for other instances' events; busy, it publishes batch after batch without pausing. While the broker or
 * the database is away it retries with growing pauses, and the changes themselves go on being accepted.
 */
@Singleton
public class OutboxRelay implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxStore outbox;
    private final EventPublisher publisher;
    private final OutboxSignal signal;
    private final OutboxSettings settings;
    private final Counter published;
    private final Counter failures;
    private Thread worker;

    OutboxRelay(OutboxStore outbox, EventPublisher publisher, OutboxSignal signal, OutboxSettings settings, MeterRegistry meters) {
        this.outbox = requireNonNull(outbox, "outbox is null");
        this.publisher = requireNonNull(publisher, "publisher is null");
        this.signal = requireNonNull(signal, "signal is null");
        this.settings = requireNonNull(settings, "settings is null");
        published = Counter.builder("atoll.storage.outbox.published").description("Events the broker confirmed").register(meters);
        failures = Counter.builder("atoll.storage.outbox.relay.failures")
                .description("Batches the relay could not publish (broker or database away); they are published again").register(meters);
        Gauge.builder("atoll.storage.outbox.backlog", this, OutboxRelay::backlog)
                .description("Committed events not yet confirmed by the broker").register(meters);
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (settings.relayEnabled()) {
            start();
        }
    }

    public synchronized void start() {
        if (worker != null) {
            return;
        }
        worker = new Thread(this::relay, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops publishing; a batch in flight is abandoned unmarked and published again by the next relay. */
    @PreDestroy
    public synchronized void stop() throws InterruptedException {
        if (worker == null) {
            return;
        }
        worker.interrupt();
        worker.join();
        worker = null;
    }

    private void relay() {
        Duration pause = settings.reconnectDelay();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                int count = outbox.publishNextBatch(settings.batchSize(), publisher::publish);
                published.increment(count);
                pause = settings.reconnectDelay();
                if (count < settings.batchSize()) {
                    signal.await(settings.idlePollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                failures.increment();
                LOG.warn("Outbox relay failed, retrying in {} ms: {}", pause.toMillis(), e.getMessage());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
                pause = min(pause.multipliedBy(2), settings.maxReconnectDelay());
            }
        }
        publisher.disconnect();
    }

    private double backlog() {
        try {
            return outbox.backlog();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
