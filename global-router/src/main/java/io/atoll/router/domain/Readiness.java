package io.atoll.router.domain;

/** What the router's readiness probes say about a cell. */
public enum Readiness {
    /** Not probed yet: routable, so that a restarted router serves at once. */
    UNKNOWN,
    READY,
    NOT_READY
}
