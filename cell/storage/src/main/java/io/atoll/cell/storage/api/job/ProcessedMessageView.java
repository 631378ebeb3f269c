package io.atoll.cell.storage.api.job;

import io.atoll.cell.storage.domain.job.ProcessedMessage;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A message a consumer has recorded as handled, and when it first did. */
@Serdeable
public record ProcessedMessageView(String consumer, String messageId, Instant processedAt) {
    static ProcessedMessageView of(ProcessedMessage message) {
        return new ProcessedMessageView(message.consumer(), message.messageId(), message.processedAt());
    }
}
