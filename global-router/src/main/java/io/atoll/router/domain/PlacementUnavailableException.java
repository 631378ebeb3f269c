package io.atoll.router.domain;

/** The placement directory could not be asked in time, so a sign-up cannot be told which cell may create its account. */
public final class PlacementUnavailableException extends RuntimeException {
    public PlacementUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
