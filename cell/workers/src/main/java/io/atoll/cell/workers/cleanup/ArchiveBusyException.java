package io.atoll.cell.workers.cleanup;

/** Another run holds the cell's archive lease; this one archives nothing. */
public final class ArchiveBusyException extends RuntimeException {
    public ArchiveBusyException(String message) {
        super(message);
    }
}
