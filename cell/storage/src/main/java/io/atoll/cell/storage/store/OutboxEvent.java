package io.atoll.cell.storage.store;

import io.micronaut.core.annotation.Nullable;

import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * An event waiting in the outbox.
 *
 * @param position its place in the outbox, in commit order within one writer
 * @param id the event id: the AMQP message id of every delivery
 * @param type the event type: the routing key
 * @param payload the {@code CellEvent} JSON, exactly as published
 * @param traceparent the trace context of the change, when there was one
 */
public record OutboxEvent(long position, UUID id, String type, String payload, @Nullable String traceparent) {
    public OutboxEvent {
        requireNonNull(id, "id is null");
        requireNonNull(type, "type is null");
        requireNonNull(payload, "payload is null");
    }
}
