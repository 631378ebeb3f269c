package io.atoll.cell.workers.messaging;

import com.rabbitmq.client.BasicProperties;
import io.atoll.cell.workers.domain.pipeline.NotificationMessage;
import io.atoll.cell.workers.domain.pipeline.NotificationSender;
import io.micronaut.messaging.annotation.MessageBody;
import io.micronaut.rabbitmq.annotation.RabbitListener;
import io.micronaut.rabbitmq.bind.RabbitAcknowledgement;
import io.micronaut.serde.ObjectMapper;

import static java.util.Objects.requireNonNull;

/** Takes notification messages from {@value WorkQueues#NOTIFICATIONS} to the sender. */
@RabbitListener(executor = JobRequestListener.EXECUTOR)
final class NotificationListener {
    static final String CONSUMER = "notifier";

    private final DeliveryProcessor deliveries;
    private final WorkQueues queues;
    private final NotificationSender sender;
    private final ObjectMapper json;

    NotificationListener(DeliveryProcessor deliveries, WorkQueues queues, NotificationSender sender, ObjectMapper json) {
        this.deliveries = requireNonNull(deliveries, "deliveries is null");
        this.queues = requireNonNull(queues, "queues is null");
        this.sender = requireNonNull(sender, "sender is null");
        this.json = requireNonNull(json, "json is null");
    }

    @WorkQueueConsumer(value = WorkQueues.NOTIFICATIONS, prefetch = "${atoll.workers.messaging.notifications-prefetch}")
    void receive(@MessageBody byte[] body, BasicProperties properties, RabbitAcknowledgement acknowledgement) {
        deliveries.process(CONSUMER, queues.notifications(), body, properties, acknowledgement,
                bytes -> json.readValue(bytes, NotificationMessage.class), (message, trace) -> sender.send(message, trace));
    }
}
