package io.atoll.cell.contracts.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A change inside a cell that other services must hear of, as storage publishes it from its outbox to the
 * cell's topic exchange ({@link CellEventTypes#EXCHANGE}) with the event's type as routing key. The AMQP
 * message id is {@link #id()}: an event may arrive twice (the relay publishes at least once), never with
 * another id, so consumers deduplicate by it.
 *
 * @param id stable for the life of the event, the same on every delivery
 * @param type what happened, one of {@link CellEventTypes}
 * @param occurredAt when the change was committed
 * @param cell the cell it happened in
 * @param memberId the member it concerns, when it concerns one
 * @param subjectId the thing it happened to: an order, an upload, a job request, a member
 * @param data the facts a consumer needs without asking storage back (order status, upload content type, ...)
 */
@Serdeable
public record CellEvent(String id, String type, Instant occurredAt, String cell, @Nullable String memberId, String subjectId,
                        Map<String, Object> data) {
    public CellEvent {
        requireNonNull(id, "id is null");
        requireNonNull(type, "type is null");
        requireNonNull(occurredAt, "occurredAt is null");
        requireNonNull(cell, "cell is null");
        requireNonNull(subjectId, "subjectId is null");
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
