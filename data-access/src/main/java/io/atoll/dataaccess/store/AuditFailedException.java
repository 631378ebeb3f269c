package io.atoll.dataaccess.store;

/** The database could not be audited this time: it was unreachable, or storage's tables stayed locked. */
public final class AuditFailedException extends RuntimeException {
    public AuditFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
