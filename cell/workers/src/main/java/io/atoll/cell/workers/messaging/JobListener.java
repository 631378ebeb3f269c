package io.atoll.cell.workers.messaging;

import com.rabbitmq.client.BasicProperties;
import io.atoll.cell.workers.domain.pipeline.JobExecutor;
import io.atoll.cell.workers.domain.pipeline.JobMessage;
import io.micronaut.messaging.annotation.MessageBody;
import io.micronaut.rabbitmq.annotation.RabbitListener;
import io.micronaut.rabbitmq.bind.RabbitAcknowledgement;
import io.micronaut.serde.ObjectMapper;

import static java.util.Objects.requireNonNull;

/** Takes job messages from {@value WorkQueues#JOBS} to the executor: one attempt of the job per delivery. */
@RabbitListener(executor = JobRequestListener.EXECUTOR)
final class JobListener {
    static final String CONSUMER = "executor";

    private final DeliveryProcessor deliveries;
    private final WorkQueues queues;
    private final JobExecutor executor;
    private final ObjectMapper json;

    JobListener(DeliveryProcessor deliveries, WorkQueues queues, JobExecutor executor, ObjectMapper json) {
        this.deliveries = requireNonNull(deliveries, "deliveries is null");
        this.queues = requireNonNull(queues, "queues is null");
        this.executor = requireNonNull(executor, "executor is null");
        this.json = requireNonNull(json, "json is null");
    }

    @WorkQueueConsumer(value = WorkQueues.JOBS, prefetch = "${atoll.workers.messaging.jobs-prefetch}")
    void receive(@MessageBody byte[] body, BasicProperties properties, RabbitAcknowledgement acknowledgement) {
        deliveries.process(CONSUMER, queues.jobs(), body, properties, acknowledgement, bytes -> json.readValue(bytes, JobMessage.class),
                executor::execute);
    }
}
