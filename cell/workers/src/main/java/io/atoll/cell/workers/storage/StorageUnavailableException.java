package io.atoll.cell.workers.storage;

/**
 * Storage could not be asked now: unreachable, too slow, answering 5xx, or no service token to be had. The call may
 * or may not have taken effect; every call of the pipeline is safe to repeat, so a later retry is the answer.
 */
public final class StorageUnavailableException extends RuntimeException {
    public StorageUnavailableException(String message) {
        super(message);
    }

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
