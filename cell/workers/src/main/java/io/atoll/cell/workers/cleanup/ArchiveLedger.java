package io.atoll.cell.workers.cleanup;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/** Where the archive keeps its checkpoint per cell and day and the lease that lets one run at a time archive a cell. */
public interface ArchiveLedger {
    Optional<DayCheckpoint> checkpoint(String cell, LocalDate day);

    void record(DayCheckpoint checkpoint);

    /**
     * Takes the cell's archive lease for {@code length}.
     *
     * @throws ArchiveBusyException if another run holds it
     */
    ArchiveLease acquire(String cell, String holder, Duration length);
}
