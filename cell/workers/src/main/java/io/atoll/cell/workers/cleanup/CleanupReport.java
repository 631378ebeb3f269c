package io.atoll.cell.workers.cleanup;

import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** What one cleanup run did: the archive's and the purge's reports (for the parts it ran) and how long it took. */
public record CleanupReport(Optional<ArchiveReport> archive, Optional<PurgeReport> purge, Duration took) {
    public CleanupReport {
        requireNonNull(archive, "archive is null");
        requireNonNull(purge, "purge is null");
        requireNonNull(took, "took is null");
    }
}
