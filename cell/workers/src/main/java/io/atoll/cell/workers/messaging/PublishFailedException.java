package io.atoll.cell.workers.messaging;

/**
 * The broker did not confirm a message (it may or may not have been taken) or gave it back unrouted: either way the
 * work that sent it is tried again.
 */
public final class PublishFailedException extends RuntimeException {
    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
