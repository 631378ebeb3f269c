package io.atoll.cell.storage.domain.job;

import io.atoll.cell.storage.domain.Refusal;
import io.atoll.cell.storage.domain.RefusedException;

import java.time.Clock;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/** The workers' handler dedupe: which consumer has handled which message. */
public final class ProcessedMessageService {
    private final ProcessedMessageStore messages;
    private final Clock clock;
    private final Duration retention;

    /** @param retention how long a record is kept: longer than any message is redelivered after */
    public ProcessedMessageService(ProcessedMessageStore messages, Clock clock, Duration retention) {
        this.messages = requireNonNull(messages, "messages is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.retention = requireNonNull(retention, "retention is null");
    }

    public ProcessedMessageRecord record(String consumer, String messageId) {
        boolean recordedNow = messages.recordIfAbsent(new ProcessedMessage(consumer, messageId, clock.instant()));
        return new ProcessedMessageRecord(find(consumer, messageId), recordedNow);
    }

    public ProcessedMessage find(String consumer, String messageId) {
        return messages.find(consumer, messageId).orElseThrow(() -> new RefusedException(Refusal.NOT_FOUND, "Message not processed",
                "Consumer " + consumer + " has not recorded message " + messageId + "."));
    }

    /**
     * Forgets at most {@code limit} records older than the retention.
     *
     * @return true when there may be more such records (it forgot as many as it was allowed to)
     */
    public boolean forgetExpired(int limit) {
        return messages.forgetBefore(clock.instant().minus(retention), limit) == limit;
    }
}
