package io.atoll.cell.workers.cleanup;

import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/** A cleanup run's progress as lines for people: the command prints them, the scheduled run logs them. */
public final class CleanupProgress implements CleanupListener {
    private final Consumer<String> lines;

    public CleanupProgress(Consumer<String> lines) {
        this.lines = requireNonNull(lines, "lines is null");
    }

    @Override
    public void dayStarted(LocalDate day, int partitions) {
        lines.accept("archive " + day + ": " + partitions + " partitions in Cassandra");
    }

    @Override
    public void rowsRead(LocalDate day, long rowsRead, long alreadyInFile) {
        String already = alreadyInFile > 0 ? ", " + alreadyInFile + " of them already in the file" : "";
        lines.accept("archive " + day + ": " + rowsRead + " check-ins read" + already);
    }

    @Override
    public void fileWritten(LocalDate day, String location, long rows, long bytes) {
        lines.accept("archive " + day + ": wrote " + location + " with " + rows + " check-ins (" + bytes + " bytes)");
    }

    @Override
    public void fileKept(LocalDate day, String location, long rows) {
        lines.accept("archive " + day + ": " + location + " already holds them; kept with its " + rows + " check-ins");
    }

    @Override
    public void verified(LocalDate day, long rows, String sha256) {
        lines.accept("archive " + day + ": verified, the file reads back with " + rows + " check-ins (sha256 " + sha256 + ")");
    }

    @Override
    public void dayArchived(DayArchive day) {
        lines.accept("archive " + day.day() + ": deleted " + day.partitionsDeleted() + " partitions from Cassandra");
    }

    @Override
    public void batchPurged(int purged, boolean more) {
        lines.accept("purge: " + purged + " expired uploads purged" + (more ? ", more to come" : ""));
    }

    /** The run's summary, one line. */
    public static String summary(CleanupReport report) {
        StringBuilder line = new StringBuilder("cleanup done in ").append(String.format(Locale.ROOT, "%.1f s", report.took().toMillis() / 1000.0));
        report.archive().ifPresent(archive -> line.append("; archive (days before ").append(archive.firstKeptDay()).append("): ")
                .append(count(archive.days().size(), "day")).append(", ")
                .append(count(archive.rowsArchived(), "check-in")).append(" archived, ")
                .append(count(archive.filesWritten(), "file")).append(" written, ")
                .append(count(archive.partitionsDeleted(), "partition")).append(" deleted"));
        report.purge().ifPresent(purge -> line.append("; purge: ").append(count(purge.purged(), "expired upload")).append(" purged"));
        return line.toString();
    }

    private static String count(long count, String thing) {
        return count + " " + thing + (count == 1 ? "" : "s");
    }
}
