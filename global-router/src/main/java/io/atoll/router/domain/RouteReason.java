package io.atoll.router.domain;

/** Why a request went to the cell it went to; sent to clients as {@code X-Atoll-Route-Reason}. */
public enum RouteReason {
    /** The member's home cell, named by the token or the placement directory. */
    HOME("home"),
    /** The nearest cell by the client's own round-trip times ({@code X-Atoll-Rtt}). */
    NEAREST_RTT_HINT("nearest-rtt-hint"),
    /** The nearest cell to the client's region ({@code X-Client-Region}) by the region latency table. */
    NEAREST_CLIENT_REGION("nearest-client-region"),
    /** The cell the router itself reaches fastest. */
    NEAREST_PROBE("nearest-probe"),
    /** The member's home cell is down; the next-nearest healthy cell serves them. */
    FAILOVER("failover"),
    /** The member's home cell is drained; the next-nearest cell serves them. */
    DRAINED("drained"),
    /** The first cell could not be reached; an idempotent request was sent to the next one. */
    RETRY("retry");

    private final String headerValue;

    RouteReason(String headerValue) {
        this.headerValue = headerValue;
    }

    public String headerValue() {
        return headerValue;
    }
}
