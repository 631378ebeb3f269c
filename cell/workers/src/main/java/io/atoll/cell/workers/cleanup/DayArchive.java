package io.atoll.cell.workers.cleanup;

import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/**
 * What one run did for one day.
 *
 * @param partitions the day's partitions found in Cassandra
 * @param rowsArchived check-ins read from them, all in the day's file now and deleted from Cassandra
 * @param rowsAdded those of them the day's file did not hold before this run
 * @param fileRows check-ins in the day's file now
 * @param fileWritten whether a new file was uploaded (false when the file already held every row)
 * @param location the day's file; empty when the day's partitions held nothing to archive
 * @param partitionsDeleted partitions deleted from Cassandra
 */
public record DayArchive(LocalDate day, int partitions, long rowsArchived, long rowsAdded, long fileRows, boolean fileWritten,
                         String location, int partitionsDeleted) {
    public DayArchive {
        requireNonNull(day, "day is null");
        requireNonNull(location, "location is null");
    }
}
