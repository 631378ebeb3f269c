package io.atoll.cell.workers.domain.pipeline;

import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** "Report this completed request on this channel": the message of the notifications queue, whose message id is the notification id. */
public record NotificationMessage(UUID notificationId, UUID requestId, String channel) {
    public NotificationMessage {
        requireNonNull(notificationId, "notificationId is null");
        requireNonNull(requestId, "requestId is null");
        requireNonNull(channel, "channel is null");
    }
}
