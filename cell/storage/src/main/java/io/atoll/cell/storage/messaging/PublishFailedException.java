package io.atoll.cell.storage.messaging;

/** A batch the broker did not confirm: it stays in the outbox and is published again. */
public final class PublishFailedException extends RuntimeException {
    PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
