package io.atoll.cell.auth.store;

import io.atoll.cell.auth.domain.AuditEventType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code audit_events}. */
@MappedEntity("audit_events")
public record AuditEvent(@Id @GeneratedValue @Nullable Long id, Instant occurredAt, AuditEventType type,
                         @Nullable UUID accountId, @Nullable String principal, @Nullable String clientAddress,
                         @Nullable String detail) {
}
