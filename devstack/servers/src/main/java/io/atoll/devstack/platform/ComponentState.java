package io.atoll.devstack.platform;

/** How a component of the local platform is doing, as {@code status} reports it. */
public enum ComponentState {
    /** Answers real requests. */
    READY,
    /** The platform started it and it runs, but does not answer yet. */
    STARTING,
    /** Nothing answers at its address. */
    DOWN,
    /** The platform started it, and its process has died; its log says why. */
    CRASHED,
    /** Something that is not this server holds its port. */
    PORT_TAKEN
}
