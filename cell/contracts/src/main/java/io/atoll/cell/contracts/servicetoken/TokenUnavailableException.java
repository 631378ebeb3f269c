package io.atoll.cell.contracts.servicetoken;

/**
 * No service token can be had now: the token endpoint cannot be reached, is too slow, or refuses the client. The
 * call that needed the token did not happen; the caller decides whether to try again later.
 */
public final class TokenUnavailableException extends RuntimeException {
    public TokenUnavailableException(String message) {
        super(message);
    }

    public TokenUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
