package io.atoll.devstack.server.postgres;

/**
 * How far a streaming replica is behind its primary, as the primary sees it.
 *
 * @param bytes the WAL the primary has written that the replica has not replayed yet
 * @param seconds how long the last replayed change took from the primary's commit to the replica; 0 once caught up
 */
public record ReplicationLag(long bytes, double seconds) {
    public ReplicationLag {
        if (bytes < 0 || seconds < 0) {
            throw new IllegalArgumentException("a lag is not negative: " + bytes + " bytes, " + seconds + " s");
        }
    }
}
