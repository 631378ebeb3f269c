package io.atoll.cell.app.domain.feed;

import java.time.Instant;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A change in the cell that concerns one member, as storage announced it: an order placed or changing status,
 * an upload stored or processed.
 *
 * @param id the event's id, the same on every delivery
 * @param type what happened, e.g. {@code order.fulfilled}
 * @param subjectId the order or upload
 * @param facts what the member is told about it (status, total, content type, ...)
 */
public record MemberEvent(String id, String type, Instant occurredAt, String memberId, String subjectId, Map<String, String> facts) {
    public MemberEvent {
        requireNonNull(id, "id is null");
        requireNonNull(type, "type is null");
        requireNonNull(occurredAt, "occurredAt is null");
        requireNonNull(memberId, "memberId is null");
        requireNonNull(subjectId, "subjectId is null");
        facts = Map.copyOf(facts);
    }
}
