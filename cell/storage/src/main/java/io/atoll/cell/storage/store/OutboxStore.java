package io.atoll.cell.storage.store;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** The relay's side of the outbox. */
@Singleton
public class OutboxStore {
    /** Hands a batch to the broker; returns only once the broker has confirmed every event of it. */
    @FunctionalInterface
    public interface BatchPublisher {
        void publish(List<OutboxEvent> batch);
    }

    private final Sql sql;

    OutboxStore(Sql sql) {
        this.sql = requireNonNull(sql, "sql is null");
    }

    /**
     * Publishes the oldest unsent events and marks them sent, in one transaction. The rows stay locked while they
     * are published, so a relay of another instance skips them and takes the next ones; if publishing fails (or
     * this process dies), the transaction ends without marking them and they are published again later.
     *
     * @return how many events were published
     */
    @Transactional
    public int publishNextBatch(int limit, BatchPublisher publisher) {
        List<OutboxEvent> batch = sql.list("""
                SELECT position, id, type, payload, traceparent FROM outbox_events
                WHERE sent_at IS NULL ORDER BY position LIMIT ? FOR UPDATE SKIP LOCKED""",
                row -> new OutboxEvent(row.getLong("position"), row.getObject("id", UUID.class), row.getString("type"),
                        row.getString("payload"), row.getString("traceparent")),
                limit);
        if (batch.isEmpty()) {
            return 0;
        }
        publisher.publish(batch);
        sql.update("UPDATE outbox_events SET sent_at = now() WHERE position = ANY (?)",
                (Object) batch.stream().map(OutboxEvent::position).toArray(Long[]::new));
        return batch.size();
    }

    /** How many committed events have not been published yet. */
    @ReadOnly
    public long backlog() {
        return sql.one("SELECT count(*) FROM outbox_events WHERE sent_at IS NULL", row -> row.getLong(1)).orElse(0L);
    }
}
