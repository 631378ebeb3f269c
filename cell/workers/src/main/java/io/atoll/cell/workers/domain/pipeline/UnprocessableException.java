package io.atoll.cell.workers.domain.pipeline;

/**
 * A message that no number of deliveries will get handled (an unknown kind, a spec without what it needs): it goes
 * straight to its queue's dead-letter queue, where an operator finds it.
 */
public final class UnprocessableException extends RuntimeException {
    public UnprocessableException(String message) {
        super(message);
    }

    public UnprocessableException(String message, Throwable cause) {
        super(message, cause);
    }
}
