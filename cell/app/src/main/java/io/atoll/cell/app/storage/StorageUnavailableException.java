package io.atoll.cell.app.storage;

import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Storage could not be asked now: unreachable, too slow, overloaded, or not accepting the app's credentials. The
 * request may or may not have taken effect; the member retries it later, which every write through storage takes
 * as the same request (orders by their idempotency key).
 */
public final class StorageUnavailableException extends RuntimeException {
    private final transient Optional<Duration> retryAfter;

    public StorageUnavailableException(String message, Optional<Duration> retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = requireNonNull(retryAfter, "retryAfter is null");
    }

    public StorageUnavailableException(String message) {
        this(message, Optional.empty(), null);
    }

    /** How long storage itself asked to wait, if it said. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
