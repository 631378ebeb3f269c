package io.atoll.devstack.server;

/** What a probe of a server's port found. */
public enum Answer {
    /** Nothing accepts connections on the port. */
    SILENT,
    /** Something listens, but it does not speak the server's protocol. */
    FOREIGN,
    /** The server speaks its protocol but cannot serve yet (starting up, recovering). */
    STARTING,
    /** The server answers a real request. */
    READY
}
