package io.atoll.cell.storage.domain.job;

import java.time.Instant;
import java.util.Optional;

/** The workers' records of the messages they handled. */
public interface ProcessedMessageStore {
    /** Records the message unless it is recorded already; true when this call recorded it. */
    boolean recordIfAbsent(ProcessedMessage message);

    Optional<ProcessedMessage> find(String consumer, String messageId);

    /** Forgets at most {@code limit} records made before {@code cutoff}; returns how many it forgot. */
    int forgetBefore(Instant cutoff, int limit);
}
