package io.atoll.cell.workers.cleanup;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Hears each step of an archive run as it completes: progress output, metrics. A listener that throws stops
 * the run right after that step, as a crash there would.
 */
public interface ArchiveListener {
    ArchiveListener NONE = new ArchiveListener() {
    };

    default void dayStarted(LocalDate day, int partitions) {
    }

    /** The day's partitions were read: {@code rowsRead} check-ins, of which the day's file already held {@code alreadyInFile}. */
    default void rowsRead(LocalDate day, long rowsRead, long alreadyInFile) {
    }

    /** A new file for the day was uploaded. */
    default void fileWritten(LocalDate day, String location, long rows, long bytes) {
    }

    /** The day's file already held every check-in still in Cassandra, and stays as it is. */
    default void fileKept(LocalDate day, String location, long rows) {
    }

    /** The day's file was read back: it holds {@code rows} check-ins. */
    default void verified(LocalDate day, long rows, String sha256) {
    }

    default void partitionDeleted(LocalDate day, UUID device) {
    }

    default void dayArchived(DayArchive day) {
    }

    /** This listener, then {@code next}, for every step. */
    default ArchiveListener andThen(ArchiveListener next) {
        ArchiveListener first = this;
        return new ArchiveListener() {
            @Override
            public void dayStarted(LocalDate day, int partitions) {
                first.dayStarted(day, partitions);
                next.dayStarted(day, partitions);
            }

            @Override
            public void rowsRead(LocalDate day, long rowsRead, long alreadyInFile) {
                first.rowsRead(day, rowsRead, alreadyInFile);
                next.rowsRead(day, rowsRead, alreadyInFile);
            }

            @Override
            public void fileWritten(LocalDate day, String location, long rows, long bytes) {
                first.fileWritten(day, location, rows, bytes);
                next.fileWritten(day, location, rows, bytes);
            }

            @Override
            public void fileKept(LocalDate day, String location, long rows) {
                first.fileKept(day, location, rows);
                next.fileKept(day, location, rows);
            }

            @Override
            public void verified(LocalDate day, long rows, String sha256) {
                first.verified(day, rows, sha256);
                next.verified(day, rows, sha256);
            }

            @Override
            public void partitionDeleted(LocalDate day, UUID device) {
                first.partitionDeleted(day, device);
                next.partitionDeleted(day, device);
            }

            @Override
            public void dayArchived(DayArchive day) {
                first.dayArchived(day);
                next.dayArchived(day);
            }
        };
    }
}
