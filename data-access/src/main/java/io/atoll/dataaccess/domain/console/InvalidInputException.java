package io.atoll.dataaccess.domain.console;

/** What a person typed into a form cannot be what they meant; the message says what to change, in one line. */
public final class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }
}
