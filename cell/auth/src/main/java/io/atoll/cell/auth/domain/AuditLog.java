package io.atoll.cell.auth.domain;

import io.atoll.cell.auth.store.AuditEvent;
import io.atoll.cell.auth.store.AuditEventRepository;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** Writes auth events to the {@code audit_events} table, inside the caller's transaction. */
@Singleton
public final class AuditLog {
    private final AuditEventRepository events;
    private final Clock clock;

    public AuditLog(AuditEventRepository events, Clock clock) {
        this.events = requireNonNull(events, "events is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public void record(AuditEventType type, UUID accountId, String principal, String clientAddress, String detail) {
        events.save(new AuditEvent(null, clock.instant(), type, accountId, principal, clientAddress, detail));
    }
}
