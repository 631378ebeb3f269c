package io.atoll.cell.storage.domain.job;

import java.util.Optional;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * A notification's state as the workers report it.
 *
 * @param requestId the request it tells of
 * @param target where it goes (a channel, a URL, a repository and commit)
 * @param attempts how many times sending it was tried
 * @param lastError why the latest try failed
 */
public record NotificationUpdate(UUID requestId, NotificationChannel channel, String target, NotificationStatus status, int attempts,
                                 Optional<String> lastError) {
    public NotificationUpdate {
        requireNonNull(requestId, "requestId is null");
        requireNonNull(channel, "channel is null");
        requireNonNull(target, "target is null");
        requireNonNull(status, "status is null");
        requireNonNull(lastError, "lastError is null");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts is negative");
        }
    }
}
