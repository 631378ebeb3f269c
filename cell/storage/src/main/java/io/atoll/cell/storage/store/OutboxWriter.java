package io.atoll.cell.storage.store;

import io.atoll.cell.contracts.events.CellEvent;
import io.atoll.cell.contracts.tracing.TraceContextFilter;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** Appends events to the outbox in the transaction of the change they tell of. */
@Singleton
final class OutboxWriter {
    private final Sql sql;
    private final ObjectMapper json;
    private final TransactionOperations<Connection> transactions;
    private final OutboxSignal signal;

    OutboxWriter(Sql sql, ObjectMapper json, TransactionOperations<Connection> transactions, OutboxSignal signal) {
        this.sql = requireNonNull(sql, "sql is null");
        this.json = requireNonNull(json, "json is null");
        this.transactions = requireNonNull(transactions, "transactions is null");
        this.signal = requireNonNull(signal, "signal is null");
    }

    void append(CellEvent event) {
        String payload;
        try {
            payload = json.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException("event " + event.id() + " cannot be written as JSON", e);
        }
        sql.update("INSERT INTO outbox_events (id, type, payload, traceparent, created_at) VALUES (?, ?, ?, ?, ?)",
                UUID.fromString(event.id()), event.type(), payload, currentTraceparent(), event.occurredAt());
        TransactionStatus<?> transaction = transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("an event is written only with the change it tells of"));
        transaction.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                signal.eventsCommitted();
            }
        });
    }

    /** The span of the request making the change (the trace filter sets it on the request), for consumers to join. */
    private static String currentTraceparent() {
        return ServerRequestContext.currentRequest()
                .flatMap(request -> request.getHeaders().findFirst(TraceContextFilter.HEADER))
                .orElse(null);
    }
}
