package io.atoll.cell.storage.store;

import io.atoll.cell.storage.domain.job.ProcessedMessage;
import io.atoll.cell.storage.domain.job.ProcessedMessageStore;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

@Singleton
class JdbcProcessedMessageStore implements ProcessedMessageStore {
    private final Sql sql;

    JdbcProcessedMessageStore(Sql sql) {
        this.sql = requireNonNull(sql, "sql is null");
    }

    @Override
    @Transactional
    public boolean recordIfAbsent(ProcessedMessage message) {
        return sql.update("""
                INSERT INTO processed_messages (consumer, message_id, processed_at) VALUES (?, ?, ?)
                ON CONFLICT (consumer, message_id) DO NOTHING""",
                message.consumer(), message.messageId(), message.processedAt()) == 1;
    }

    @Override
    @ReadOnly
    public Optional<ProcessedMessage> find(String consumer, String messageId) {
        return sql.one("SELECT * FROM processed_messages WHERE consumer = ? AND message_id = ?",
                row -> new ProcessedMessage(row.getString("consumer"), row.getString("message_id"), Sql.instant(row, "processed_at")),
                consumer, messageId);
    }

    @Override
    @Transactional
    public int forgetBefore(Instant cutoff, int limit) {
        return sql.update("""
                DELETE FROM processed_messages WHERE (consumer, message_id) IN (
                    SELECT consumer, message_id FROM processed_messages WHERE processed_at < ? ORDER BY processed_at LIMIT ?)""",
                cutoff, limit);
    }
}
