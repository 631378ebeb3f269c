package io.atoll.cell.workers.cleanup;

/** The run's archive lease ran out and was taken by another run: this one stops before writing or deleting more. */
public final class ArchiveLeaseLostException extends RuntimeException {
    public ArchiveLeaseLostException(String message) {
        super(message);
    }
}
