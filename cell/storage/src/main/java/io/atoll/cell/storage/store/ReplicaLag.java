package io.atoll.cell.storage.store;

import static java.util.Objects.requireNonNull;

/**
 * How far one streaming replica of the cell's database is behind it, as the primary sees it.
 *
 * @param replica the replica's name (its {@code application_name})
 * @param bytes the WAL written here that the replica has not replayed yet
 * @param seconds how long the last replayed change took to reach it; 0 once it has caught up
 */
public record ReplicaLag(String replica, long bytes, double seconds) {
    public ReplicaLag {
        requireNonNull(replica, "replica is null");
    }
}
