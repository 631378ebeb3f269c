package io.atoll.cell.workers.cleanup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** One cleanup run: archive old check-ins, then purge expired uploads; the purge runs even when the archive failed. */
public final class CleanupJob {
    private final CheckinArchive archive;
    private final UploadPurge purge;
    private final CleanupMetrics metrics;
    private final Clock clock;

    public CleanupJob(CheckinArchive archive, UploadPurge purge, CleanupMetrics metrics, Clock clock) {
        this.archive = requireNonNull(archive, "archive is null");
        this.purge = requireNonNull(purge, "purge is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * @throws ArchiveBusyException if another run was archiving the cell (after this one's purge)
     * @throws RuntimeException whatever stopped the archive or the purge
     */
    public CleanupReport run(CleanupRequest request, CleanupListener listener) {
        Instant start = clock.instant();
        ArchiveReport archived = null;
        RuntimeException archiveFailure = null;
        if (request.archive()) {
            try {
                archived = archive.archive(request.hotWindow(), metrics.andThen(listener));
            } catch (RuntimeException e) {
                archiveFailure = e;
            }
        }
        PurgeReport purged = null;
        if (request.purge()) {
            try {
                purged = purge.run(new PurgeListener() {
                    @Override
                    public void batchPurged(int count, boolean more) {
                        metrics.batchPurged(count, more);
                        listener.batchPurged(count, more);
                    }
                });
            } catch (RuntimeException e) {
                if (archiveFailure == null) {
                    throw e;
                }
                archiveFailure.addSuppressed(e);
            }
        }
        if (archiveFailure != null) {
            throw archiveFailure;
        }
        Instant end = clock.instant();
        metrics.succeeded(end);
        return new CleanupReport(Optional.ofNullable(archived), Optional.ofNullable(purged), Duration.between(start, end));
    }
}
