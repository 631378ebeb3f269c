package io.atoll.cell.auth.store;

import io.atoll.cell.auth.domain.AuditEventType;
import io.atoll.cell.auth.domain.AuditTrail;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** The audit trail in the {@code audit_events} table. */
@Singleton
final class PostgresAuditTrail implements AuditTrail {
    private final AuditEventRepository events;
    private final Clock clock;

    PostgresAuditTrail(AuditEventRepository events, Clock clock) {
        this.events = requireNonNull(events, "events is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void record(AuditEventType type, UUID accountId, String principal, String clientAddress, String detail) {
        events.save(new AuditEvent(null, clock.instant(), type, accountId, principal, clientAddress, detail));
    }
}
