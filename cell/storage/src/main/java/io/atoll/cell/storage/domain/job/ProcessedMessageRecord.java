package io.atoll.cell.storage.domain.job;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of recording a processed message.
 *
 * @param message the record, as it was first made
 * @param recordedNow true when this call made it, false when it already existed
 */
public record ProcessedMessageRecord(ProcessedMessage message, boolean recordedNow) {
    public ProcessedMessageRecord {
        requireNonNull(message, "message is null");
    }
}
