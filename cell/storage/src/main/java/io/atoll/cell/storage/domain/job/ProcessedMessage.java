package io.atoll.cell.storage.domain.job;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A message a consumer of the workers has handled: a redelivery of it is recognised and skipped.
 *
 * @param consumer the handler that handled it
 * @param messageId the AMQP message id (for cell events, the event's id)
 */
public record ProcessedMessage(String consumer, String messageId, Instant processedAt) {
    public ProcessedMessage {
        requireNonNull(consumer, "consumer is null");
        requireNonNull(messageId, "messageId is null");
        requireNonNull(processedAt, "processedAt is null");
    }
}
