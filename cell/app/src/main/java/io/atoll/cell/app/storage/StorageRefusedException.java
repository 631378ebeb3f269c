package io.atoll.cell.app.storage;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Storage refused the member's request (a 4xx problem): an unknown sku, an idempotency key reused with another
 * order, an upload that is not a photo. The member is told the same, as a problem of the app's own path.
 */
public final class StorageRefusedException extends RuntimeException {
    private final int status;
    private final String title;
    private final transient Optional<String> retryAfter;

    public StorageRefusedException(int status, String title, String detail, Optional<String> retryAfter) {
        super(requireNonNull(detail, "detail is null"));
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("not a client error status: " + status);
        }
        this.status = status;
        this.title = requireNonNull(title, "title is null");
        this.retryAfter = requireNonNull(retryAfter, "retryAfter is null");
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** Storage's Retry-After, on a 429. */
    public Optional<String> retryAfter() {
        return retryAfter;
    }
}
