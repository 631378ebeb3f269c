package io.atoll.cell.workers.cleanup;

/** The right to archive a cell, held for a while and renewed while the run goes on; closing gives it up. */
public interface ArchiveLease extends AutoCloseable {
    /**
     * Renews the lease if a good part of it has passed since it was last taken or renewed.
     *
     * @throws ArchiveLeaseLostException if it ran out and another run took it meanwhile
     */
    void keep();

    @Override
    void close();
}
