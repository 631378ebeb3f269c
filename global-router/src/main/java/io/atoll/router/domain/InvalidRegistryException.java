package io.atoll.router.domain;

/** A registry document that cannot be used; the message says what is wrong with it in one line. */
public final class InvalidRegistryException extends Exception {
    public InvalidRegistryException(String message) {
        super(message);
    }
}
