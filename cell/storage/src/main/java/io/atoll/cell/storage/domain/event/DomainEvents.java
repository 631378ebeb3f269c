package io.atoll.cell.storage.domain.event;

import io.atoll.cell.contracts.events.CellEvent;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** Makes the events of this cell's changes: each with an id of its own, kept for every delivery. */
public final class DomainEvents {
    private final String cellId;

    public DomainEvents(String cellId) {
        this.cellId = requireNonNull(cellId, "cellId is null");
    }

    public CellEvent event(String type, Instant occurredAt, String memberId, String subjectId, Map<String, Object> data) {
        return new CellEvent(UUID.randomUUID().toString(), type, occurredAt, cellId, memberId, subjectId, data);
    }

    public String cellId() {
        return cellId;
    }
}
