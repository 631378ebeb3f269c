package io.atoll.cell.workers.cleanup;

/** Hears a whole cleanup run: the archive's steps and the purge's batches. */
public interface CleanupListener extends ArchiveListener, PurgeListener {
    CleanupListener NONE = new CleanupListener() {
    };
}
