package io.atoll.cell.workers.cleanup;

import java.nio.file.Path;
import java.util.Iterator;

/** The archive's file format (Parquet): one file per cell and day. */
public interface CheckinFiles {
    /** A new file at {@code file} for the cell's check-ins of one day. */
    Writer create(Path file, String cell);

    /** The file's check-ins in file order. */
    Reader read(Path file);

    /** The number of check-ins the file says it holds (its footer), without reading them. */
    long rowCount(Path file);

    interface Writer extends AutoCloseable {
        void append(ArchivedCheckin checkin);

        /** Finishes the file. */
        @Override
        void close();
    }

    interface Reader extends Iterator<ArchivedCheckin>, AutoCloseable {
        @Override
        void close();
    }
}
