package io.atoll.cell.workers.messaging;

/** The broker did not confirm a message: it may or may not have been taken, so the work that sent it is tried again. */
public final class PublishFailedException extends RuntimeException {
    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
