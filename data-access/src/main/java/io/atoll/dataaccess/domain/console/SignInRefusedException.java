package io.atoll.dataaccess.domain.console;

/** The cell's database did not accept a login and password. */
public final class SignInRefusedException extends RuntimeException {
    public SignInRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
