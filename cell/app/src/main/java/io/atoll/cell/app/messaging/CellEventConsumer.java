package io.atoll.cell.app.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.atoll.cell.app.config.FeedEventSettings;
import io.atoll.cell.app.config.RabbitSettings;
import io.atoll.cell.app.config.ServiceJson;
import io.atoll.cell.app.domain.feed.EventFeed;
import io.atoll.cell.app.domain.feed.MemberEvent;
import io.atoll.cell.contracts.events.CellEvent;
import io.atoll.cell.contracts.events.CellEventTypes;
import io.atoll.cell.contracts.tracing.TraceContextFilter;
import io.atoll.cell.contracts.tracing.TraceParent;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.type.Argument;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static java.util.Objects.requireNonNull;

/**
 * Takes the cell's order, upload and job-completion events from RabbitMQ into the members' feeds. The app has a durable queue of
 * its own bound to the cell's event exchange (both declared here, so it does not matter whether storage or the
 * app starts first); an event is acknowledged only once its feed item is written, and the feed writes an event
 * delivered twice once. When the feed cannot be written (Cassandra away), the event goes back to the queue after
 * a pause rather than at once, so an outage is not a busy loop.
 *
 * <p>The app starts whether or not the broker answers: it keeps trying in the background, and once connected the
 * client's automatic recovery follows the broker going and coming back.
 */
@Context
@Requires(property = "atoll.app.feed-events.enabled", notEquals = "false")
public final class CellEventConsumer {
    static final List<String> BINDINGS = List.of("order.*", "upload.*", CellEventTypes.JOB_COMPLETED);
    private static final Logger LOG = LoggerFactory.getLogger(CellEventConsumer.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final RabbitSettings rabbit;
    private final FeedEventSettings settings;
    private final EventFeed feed;
    private final ServiceJson json;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "feed-events");
        thread.setDaemon(true);
        return thread;
    });
    private Connection connection;
    private boolean closed;

    public CellEventConsumer(RabbitSettings rabbit, FeedEventSettings settings, EventFeed feed, ServiceJson json) {
        this.rabbit = requireNonNull(rabbit, "rabbit is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.feed = requireNonNull(feed, "feed is null");
        this.json = requireNonNull(json, "json is null");
    }

    @PostConstruct
    void start() {
        scheduler.execute(this::connect);
    }

    /** Whether the app is consuming now (or recovering a connection it had). */
    public synchronized boolean connected() {
        return connection != null && connection.isOpen();
    }

    @PreDestroy
    synchronized void close() {
        closed = true;
        scheduler.shutdownNow();
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException | RuntimeException alreadyGone) {
                LOG.debug("closing the broker connection: {}", alreadyGone.toString());
            }
        }
    }

    private synchronized void connect() {
        if (closed) {
            return;
        }
        try {
            Connection opened = factory().newConnection("atoll-app feed events");
            try {
                consume(opened.createChannel());
            } catch (IOException | RuntimeException failure) {
                opened.abort();
                throw failure;
            }
            connection = opened;
            LOG.info("Consuming {} from {} on {}:{}/{}", BINDINGS, CellEventTypes.EXCHANGE, rabbit.host(), rabbit.port(), rabbit.virtualHost());
        } catch (IOException | TimeoutException | RuntimeException failure) {
            LOG.warn("RabbitMQ at {}:{}/{} not usable yet, trying again in {}: {}", rabbit.host(), rabbit.port(), rabbit.virtualHost(),
                    settings.reconnectInterval(), failure.toString());
            scheduler.schedule(this::connect, settings.reconnectInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private ConnectionFactory factory() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(rabbit.host());
        factory.setPort(rabbit.port());
        factory.setUsername(rabbit.username());
        factory.setPassword(rabbit.password());
        factory.setVirtualHost(rabbit.virtualHost());
        factory.setConnectionTimeout((int) CONNECT_TIMEOUT.toMillis());
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(settings.reconnectInterval().toMillis());
        return factory;
    }

    private void consume(Channel channel) throws IOException {
        channel.exchangeDeclare(CellEventTypes.EXCHANGE, BuiltinExchangeType.TOPIC, true);
        channel.queueDeclare(settings.queue(), true, false, false, Map.of());
        for (String pattern : BINDINGS) {
            channel.queueBind(settings.queue(), CellEventTypes.EXCHANGE, pattern);
        }
        channel.basicQos(settings.prefetch());
        channel.basicConsume(settings.queue(), false, new Deliveries(channel));
    }

    /** The event as the feed takes it; empty for an event about no member. */
    static Optional<MemberEvent> memberEvent(CellEvent event) {
        if (event.memberId() == null) {
            return Optional.empty();
        }
        Map<String, String> facts = new LinkedHashMap<>();
        event.data().forEach((name, value) -> {
            if (value != null) {
                facts.put(name, String.valueOf(value));
            }
        });
        return Optional.of(new MemberEvent(event.id(), event.type(), event.occurredAt(), event.memberId(), event.subjectId(), facts));
    }

    private final class Deliveries extends DefaultConsumer {
        Deliveries(Channel channel) {
            super(channel);
        }

        @Override
        public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) throws IOException {
            long tag = envelope.getDeliveryTag();
            Optional<MemberEvent> event;
            try {
                event = memberEvent(json.read(body, Argument.of(CellEvent.class)));
            } catch (IOException | RuntimeException unreadable) {
                // No delivery will ever read better: drop it, loudly, rather than block the queue with it.
                LOG.error("Dropping unreadable event {} ({}): {}", properties.getMessageId(), envelope.getRoutingKey(), unreadable.toString());
                getChannel().basicReject(tag, false);
                return;
            }
            if (event.isEmpty()) {
                getChannel().basicAck(tag, false);
                return;
            }
            traceOf(properties).ifPresent(trace -> MDC.put(TraceContextFilter.MDC_KEY, trace.traceId()));
            try {
                feed.publish(event.get());
                getChannel().basicAck(tag, false);
            } catch (RuntimeException failure) {
                LOG.warn("Event {} ({}) not in the feed yet, delivered again in {}: {}", event.get().id(), event.get().type(),
                        settings.reconnectInterval(), failure.toString());
                scheduler.schedule(() -> requeue(tag), settings.reconnectInterval().toMillis(), TimeUnit.MILLISECONDS);
            } finally {
                MDC.remove(TraceContextFilter.MDC_KEY);
            }
        }

        private void requeue(long tag) {
            try {
                getChannel().basicNack(tag, false, true);
            } catch (IOException | RuntimeException channelGone) {
                // The broker puts back whatever an acknowledgement never came for when the channel closes.
                LOG.debug("requeueing delivery {}: {}", tag, channelGone.toString());
            }
        }

        private Optional<TraceParent> traceOf(AMQP.BasicProperties properties) {
            Object header = properties.getHeaders() == null ? null : properties.getHeaders().get(CellEventTypes.TRACEPARENT_HEADER);
            return header == null ? Optional.empty() : TraceParent.parse(header.toString());
        }
    }
}
