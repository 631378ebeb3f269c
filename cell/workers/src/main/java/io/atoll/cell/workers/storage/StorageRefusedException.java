package io.atoll.cell.workers.storage;

import static java.util.Objects.requireNonNull;

/**
 * Storage refused the call with a 4xx problem (an unknown request or upload, a conflicting state, a body it does not
 * take): sending the same call again will not help.
 */
public final class StorageRefusedException extends RuntimeException {
    private final int status;
    private final String title;

    public StorageRefusedException(int status, String title, String detail) {
        super(requireNonNull(detail, "detail is null"));
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("not a client error status: " + status);
        }
        this.status = status;
        this.title = requireNonNull(title, "title is null");
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    @Override
    public String toString() {
        return "StorageRefusedException: " + status + " " + title + ": " + getMessage();
    }
}
