package io.atoll.cell.jobs;

/**
 * The spec, or the input it names, can never work (a missing field, a file that is not a photo, a commit that is
 * not in the repository): the job exits with {@link JobMain#EXIT_REJECTED} and is not worth retrying.
 */
public final class InvalidJobInputException extends RuntimeException {
    public InvalidJobInputException(String message) {
        super(message);
    }

    public InvalidJobInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
