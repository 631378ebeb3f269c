package io.atoll.dataaccess.domain.console;

/** The cell's database refused what a person asked for under their own login; the message is the database's. */
public final class RefusedByDatabaseException extends RuntimeException {
    public RefusedByDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
