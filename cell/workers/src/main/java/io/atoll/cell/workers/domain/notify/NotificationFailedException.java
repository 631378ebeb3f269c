package io.atoll.cell.workers.domain.notify;

/** A notification was not delivered; the message says why in words fit for the record. */
public final class NotificationFailedException extends Exception {
    private final boolean retryable;

    public NotificationFailedException(String reason, boolean retryable) {
        super(reason);
        this.retryable = retryable;
    }

    public NotificationFailedException(String reason, boolean retryable, Throwable cause) {
        super(reason, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
