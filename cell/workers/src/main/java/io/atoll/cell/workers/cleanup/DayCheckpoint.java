package io.atoll.cell.workers.cleanup;

import java.time.Instant;
import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/**
 * What the archive knows for sure about one day of one cell.
 *
 * @param state how far the day has got
 * @param rows the check-ins in the day's archive file
 * @param sha256 the file's SHA-256, hex
 * @param location where the file is ({@code s3://bucket/key})
 * @param updatedAt when the state was reached
 */
public record DayCheckpoint(String cell, LocalDate day, State state, long rows, String sha256, String location, Instant updatedAt) {
    public DayCheckpoint {
        requireNonNull(cell, "cell is null");
        requireNonNull(day, "day is null");
        requireNonNull(state, "state is null");
        requireNonNull(sha256, "sha256 is null");
        requireNonNull(location, "location is null");
        requireNonNull(updatedAt, "updatedAt is null");
        if (rows < 0) {
            throw new IllegalArgumentException("rows is negative: " + rows);
        }
    }

    public enum State {
        /** The file was read back and holds {@code rows} rows; some of the day's partitions may still be in Cassandra. */
        VERIFIED,
        /** Everything the run that archived the day found in Cassandra is in the file and was deleted from Cassandra. */
        ARCHIVED
    }

    /** Whether this checkpoint describes exactly the given file. */
    public boolean describes(long fileRows, String fileSha256) {
        return rows == fileRows && sha256.equals(fileSha256);
    }
}
