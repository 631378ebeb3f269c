package io.atoll.cell.workers.messaging;

import com.rabbitmq.client.BasicProperties;
import io.atoll.cell.contracts.events.CellEvent;
import io.atoll.cell.contracts.events.CellEventTypes;
import io.atoll.cell.workers.domain.pipeline.Planner;
import io.atoll.cell.workers.domain.pipeline.UnprocessableException;
import io.micronaut.messaging.annotation.MessageBody;
import io.micronaut.rabbitmq.annotation.RabbitListener;
import io.micronaut.rabbitmq.bind.RabbitAcknowledgement;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** Takes storage's {@code job.requested} events from {@value WorkQueues#JOB_REQUESTS} to the planner. */
@RabbitListener(executor = JobRequestListener.EXECUTOR)
final class JobRequestListener {
    /** The executor every consumer of the workers hands its deliveries to; the prefetch of each bounds what it takes. */
    static final String EXECUTOR = "pipeline";
    static final String CONSUMER = "planner";

    private final DeliveryProcessor deliveries;
    private final WorkQueues queues;
    private final Planner planner;
    private final ObjectMapper json;

    JobRequestListener(DeliveryProcessor deliveries, WorkQueues queues, Planner planner, ObjectMapper json) {
        this.deliveries = requireNonNull(deliveries, "deliveries is null");
        this.queues = requireNonNull(queues, "queues is null");
        this.planner = requireNonNull(planner, "planner is null");
        this.json = requireNonNull(json, "json is null");
    }

    @WorkQueueConsumer(value = WorkQueues.JOB_REQUESTS, prefetch = "${atoll.workers.messaging.job-requests-prefetch}")
    void receive(@MessageBody byte[] body, BasicProperties properties, RabbitAcknowledgement acknowledgement) {
        deliveries.process(CONSUMER, queues.jobRequests(), body, properties, acknowledgement, this::requestId,
                (requestId, trace) -> planner.plan(requestId, trace));
    }

    /** The requested job request: the subject of a {@code job.requested} event. */
    private UUID requestId(byte[] body) throws IOException {
        CellEvent event = json.readValue(body, CellEvent.class);
        if (!CellEventTypes.JOB_REQUESTED.equals(event.type())) {
            throw new UnprocessableException("a " + event.type() + " event is no job request");
        }
        try {
            return UUID.fromString(event.subjectId());
        } catch (IllegalArgumentException notAnId) {
            throw new UnprocessableException("the job request id " + event.subjectId() + " is not a UUID");
        }
    }
}
