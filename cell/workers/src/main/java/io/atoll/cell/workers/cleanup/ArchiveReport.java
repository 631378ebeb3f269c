package io.atoll.cell.workers.cleanup;

import java.time.LocalDate;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What one archive run did.
 *
 * @param firstKeptDay the oldest day left in Cassandra: every earlier day was archived
 * @param days the days archived, oldest first
 */
public record ArchiveReport(LocalDate firstKeptDay, List<DayArchive> days) {
    public ArchiveReport {
        requireNonNull(firstKeptDay, "firstKeptDay is null");
        days = List.copyOf(requireNonNull(days, "days is null"));
    }

    public long rowsArchived() {
        return days.stream().mapToLong(DayArchive::rowsArchived).sum();
    }

    public long filesWritten() {
        return days.stream().filter(DayArchive::fileWritten).count();
    }

    public long partitionsDeleted() {
        return days.stream().mapToLong(DayArchive::partitionsDeleted).sum();
    }
}
