package io.atoll.router.proxy;

import java.util.Locale;

/** How a request to a cell failed, as counted by outlier detection and the {@code errors} metric. */
public enum FailureKind {
    /** No connection could be opened. */
    CONNECT,
    /** The cell closed the connection before the response was complete. */
    CLOSED,
    /** The cell stayed silent longer than the read timeout. */
    TIMEOUT,
    /** The cell answered with a 5xx status. */
    SERVER_ERROR;

    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
