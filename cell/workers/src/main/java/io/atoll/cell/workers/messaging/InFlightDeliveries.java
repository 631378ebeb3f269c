package io.atoll.cell.workers.messaging;

import com.rabbitmq.client.ShutdownSignalException;
import io.atoll.cell.workers.config.MessagingSettings;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.messaging.exceptions.MessageAcknowledgementException;
import io.micronaut.rabbitmq.bind.RabbitAcknowledgement;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * The messages being handled now, so that stopping a worker loses none (scaling to zero is a normal day). On
 * shutdown, before anything else stops: no new message is taken (one delivered meanwhile is left unacknowledged,
 * and the broker gives it to another worker when the channel closes); the messages being handled get the shutdown
 * grace to finish; the ones still running then are interrupted (their job processes are stopped) and go back to
 * their queue.
 */
@Singleton
public final class InFlightDeliveries implements ApplicationEventListener<ShutdownEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(InFlightDeliveries.class);
    /** How long an interrupted handler has to record that it stopped and give its message back. */
    private static final Duration INTERRUPTED_GRACE = Duration.ofSeconds(10);

    private final Duration grace;
    private final Set<Delivery> deliveries = ConcurrentHashMap.newKeySet();
    private volatile boolean draining;

    InFlightDeliveries(MessagingSettings settings) {
        this.grace = requireNonNull(settings, "settings is null").shutdownGrace();
    }

    /** The delivery being handled on this thread; null when the worker is stopping and the message is to be left alone. */
    Delivery begin(RabbitAcknowledgement acknowledgement) {
        if (draining) {
            return null;
        }
        Delivery delivery = new Delivery(acknowledgement, Thread.currentThread());
        deliveries.add(delivery);
        if (draining) {
            deliveries.remove(delivery);
            return null;
        }
        return delivery;
    }

    void end(Delivery delivery) {
        deliveries.remove(delivery);
        synchronized (this) {
            notifyAll();
        }
    }

    @Override
    public void onApplicationEvent(ShutdownEvent event) {
        drain();
    }

    /** Stops taking messages and lets the ones being handled finish within the grace; gives back the rest. */
    void drain() {
        draining = true;
        if (deliveries.isEmpty()) {
            return;
        }
        LOG.info("Stopping: {} messages being handled get up to {} to finish", deliveries.size(), grace);
        if (awaitNone(grace)) {
            return;
        }
        List<Delivery> unfinished = List.copyOf(deliveries);
        LOG.warn("Stopping: {} messages did not finish within {}; interrupting them, they go back to their queues", unfinished.size(), grace);
        unfinished.forEach(Delivery::interrupt);
        if (!awaitNone(INTERRUPTED_GRACE)) {
            deliveries.forEach(Delivery::requeue);
        }
    }

    private synchronized boolean awaitNone(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        try {
            while (!deliveries.isEmpty()) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                wait(Math.max(1, remaining / 1_000_000));
            }
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return deliveries.isEmpty();
        }
    }

    /** One message being handled, settled once: acknowledged, rejected (to its dead-letter queue) or given back. */
    static final class Delivery {
        private final RabbitAcknowledgement acknowledgement;
        private final Thread thread;
        private boolean settled;

        private Delivery(RabbitAcknowledgement acknowledgement, Thread thread) {
            this.acknowledgement = requireNonNull(acknowledgement, "acknowledgement is null");
            this.thread = requireNonNull(thread, "thread is null");
        }

        synchronized void ack() {
            settle(true, false);
        }

        /** To the queue's dead-letter queue, with the broker's {@code x-death} record. */
        synchronized void reject() {
            settle(false, false);
        }

        /** Back to its queue, for this or another worker. */
        synchronized void requeue() {
            settle(false, true);
        }

        private void interrupt() {
            thread.interrupt();
        }

        private void settle(boolean ack, boolean requeue) {
            if (settled) {
                return;
            }
            settled = true;
            try {
                if (ack) {
                    acknowledgement.ack();
                } else {
                    acknowledgement.nack(false, requeue);
                }
            } catch (MessageAcknowledgementException | ShutdownSignalException channelGone) {
                // The broker gives back whatever was not acknowledged on a channel that closed (a closed channel's
                // client throws AlreadyClosedException, which Micronaut does not wrap).
                LOG.warn("Could not settle a delivery, its channel is gone; the broker delivers it again: {}", channelGone.toString());
            }
        }
    }
}
