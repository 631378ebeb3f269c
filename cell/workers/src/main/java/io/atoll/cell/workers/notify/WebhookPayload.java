package io.atoll.cell.workers.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.atoll.cell.workers.domain.notify.Completion;
import io.atoll.cell.workers.domain.notify.Notification;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;
import java.util.UUID;

/**
 * A completed request as the generic webhook posts it. Every field is always present (null when it has no value),
 * so that receivers can rely on the shape.
 *
 * @param type always {@value #TYPE}
 * @param notificationId the same on every retry of this notification (also in the Idempotency-Key header)
 * @param completedAt ISO-8601, UTC
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record WebhookPayload(String type, UUID notificationId, int attempt, UUID requestId, String cell, String kind,
                      String memberId, String subjectId, String status, String headline, Map<String, Object> spec,
                      Map<String, Object> summary, String completedAt) {
    static final String TYPE = "job.completed";

    static WebhookPayload of(Notification notification) {
        Completion completion = notification.completion();
        return new WebhookPayload(TYPE, notification.id(), notification.attempt(), completion.requestId(), completion.cell(),
                completion.kind(), completion.memberId(), completion.subjectId(), completion.status(), completion.headline(),
                completion.spec(), completion.summary(), completion.completedAt().toString());
    }
}
