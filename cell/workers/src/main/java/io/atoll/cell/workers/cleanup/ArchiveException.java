package io.atoll.cell.workers.cleanup;

/** A day could not be archived safely; nothing of it was deleted after the problem was found. */
public final class ArchiveException extends RuntimeException {
    public ArchiveException(String message) {
        super(message);
    }

    public ArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
