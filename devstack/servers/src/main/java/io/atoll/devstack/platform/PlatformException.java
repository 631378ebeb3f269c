package io.atoll.devstack.platform;

/** Something the user must act on; its message is one line that says what and how. */
public final class PlatformException extends RuntimeException {
    public PlatformException(String message) {
        super(message);
    }

    public PlatformException(String message, Throwable cause) {
        super(message, cause);
    }
}
