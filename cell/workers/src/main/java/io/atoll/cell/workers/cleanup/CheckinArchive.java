package io.atoll.cell.workers.cleanup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Moves a cell's check-ins older than the hot window from Cassandra into one Parquet file per day in the landing
 * zone: merge what is still in Cassandra into the day's file, upload it, read it back, record the checkpoint,
 * then delete the day's partitions. Every step can be repeated after a crash at any point, because a day's file
 * only ever grows by the rows still in Cassandra (merged by primary key) and rows leave Cassandra only once a
 * verified file holds them. The README's "Cleanup" section walks through the states.
 */
public final class CheckinArchive {
    private static final Logger LOG = LoggerFactory.getLogger(CheckinArchive.class);

    private final String cell;
    private final HotCheckins hot;
    private final ArchiveLedger ledger;
    private final CheckinFiles files;
    private final LandingZone landing;
    private final Clock clock;
    private final Duration leaseLength;
    private final String holder;

    /**
     * @param leaseLength how long the cell's archive lease lasts unless renewed; a run renews it as it goes
     * @param holder who this run is, for the lease (host and process)
     */
    public CheckinArchive(String cell, HotCheckins hot, ArchiveLedger ledger, CheckinFiles files, LandingZone landing, Clock clock,
                          Duration leaseLength, String holder) {
        this.cell = requireNonNull(cell, "cell is null");
        this.hot = requireNonNull(hot, "hot is null");
        this.ledger = requireNonNull(ledger, "ledger is null");
        this.files = requireNonNull(files, "files is null");
        this.landing = requireNonNull(landing, "landing is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.leaseLength = requireNonNull(leaseLength, "leaseLength is null");
        this.holder = requireNonNull(holder, "holder is null");
    }

    /** The key of a day's file in the landing zone: Hive-style partitions the warehouse reads as columns. */
    public static String objectKey(String cell, LocalDate day) {
        return "checkins/cell=" + cell + "/day=" + day + "/checkins.parquet";
    }

    /** The first day that stays in Cassandra: every day that ended at least {@code hotWindow} ago is archived. */
    public LocalDate firstKeptDay(Duration hotWindow) {
        return LocalDate.ofInstant(clock.instant().minus(hotWindow), ZoneOffset.UTC);
    }

    /**
     * Archives every day that ended at least {@code hotWindow} ago, oldest first.
     *
     * @throws ArchiveBusyException if another run is archiving the cell
     */
    public ArchiveReport archive(Duration hotWindow, ArchiveListener listener) {
        LocalDate firstKeptDay = firstKeptDay(hotWindow);
        try (ArchiveLease lease = ledger.acquire(cell, holder, leaseLength)) {
            Map<LocalDate, Set<UUID>> partitions = new TreeMap<>(hot.partitionsBefore(firstKeptDay));
            List<DayArchive> days = new ArrayList<>();
            for (Map.Entry<LocalDate, Set<UUID>> day : partitions.entrySet()) {
                lease.keep();
                days.add(archiveDay(day.getKey(), day.getValue().stream().sorted(ArchivedCheckin.DEVICE_ORDER).toList(), lease, listener));
            }
            return new ArchiveReport(firstKeptDay, days);
        }
    }

    private DayArchive archiveDay(LocalDate day, List<UUID> devices, ArchiveLease lease, ArchiveListener listener) {
        listener.dayStarted(day, devices.size());
        String key = objectKey(cell, day);
        String location = landing.location(key);
        Optional<DayCheckpoint> checkpoint = ledger.checkpoint(cell, day);
        Path work = workDirectory(day);
        try {
            Path previous = work.resolve("previous.parquet");
            boolean hadFile = landing.download(key, previous);
            if (!hadFile && checkpoint.isPresent()) {
                throw new ArchiveException("the checkpoint of " + day + " records " + checkpoint.get().rows() + " check-ins archived in "
                        + location + ", but there is no such object: restore it (or remove the checkpoint if it is lost for good) before "
                        + "this day is archived again");
            }
            // Rows written to the day's partitions after this instant (none are expected once a day is past the hot
            // window) are not read below, so the deletes leave them for the next run.
            Instant readStart = clock.instant();
            Path next = work.resolve("checkins.parquet");
            DayMerge.Counts counts = merge(day, hadFile ? previous : null, devices, next, lease);
            listener.rowsRead(day, counts.hotRows(), counts.hotRows() - counts.addedRows());
            if (!hadFile && counts.writtenRows() == 0) {
                // Partitions whose rows all expired: nothing to keep, and compaction removes them.
                return new DayArchive(day, devices.size(), 0, 0, 0, false, "", 0);
            }
            long rows = counts.writtenRows();
            boolean rewrite = !hadFile || counts.addedRows() > 0;
            String sha256;
            if (rewrite) {
                sha256 = sha256(next);
                lease.keep();
                landing.upload(key, next);
                listener.fileWritten(day, location, rows, size(next));
                verifyUpload(day, key, work.resolve("uploaded.parquet"), rows, sha256);
            } else {
                // A run stopped after its upload: the file already holds every row still in Cassandra.
                sha256 = sha256(previous);
                listener.fileKept(day, location, rows);
                verifyRowCount(day, previous, rows);
            }
            if (checkpoint.filter(recorded -> recorded.describes(rows, sha256)).isEmpty()) {
                ledger.record(new DayCheckpoint(cell, day, DayCheckpoint.State.VERIFIED, rows, sha256, location, clock.instant()));
            }
            listener.verified(day, rows, sha256);
            AtomicInteger deleted = new AtomicInteger();
            hot.delete(day, devices, readStart, device -> {
                deleted.incrementAndGet();
                listener.partitionDeleted(day, device);
                lease.keep();
            });
            ledger.record(new DayCheckpoint(cell, day, DayCheckpoint.State.ARCHIVED, rows, sha256, location, clock.instant()));
            DayArchive archived = new DayArchive(day, devices.size(), counts.hotRows(), counts.addedRows(), rows, rewrite, location,
                    deleted.get());
            listener.dayArchived(archived);
            return archived;
        } finally {
            deleteRecursively(work);
        }
    }

    private DayMerge.Counts merge(LocalDate day, Path previous, List<UUID> devices, Path next, ArchiveLease lease) {
        Iterator<List<ArchivedCheckin>> partitions = hot.read(day, devices);
        Iterator<List<ArchivedCheckin>> keepingLease = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return partitions.hasNext();
            }

            @Override
            public List<ArchivedCheckin> next() {
                lease.keep();
                return partitions.next();
            }
        };
        try (CheckinFiles.Writer writer = files.create(next, cell);
             CheckinFiles.Reader archived = previous == null ? null : files.read(previous)) {
            return DayMerge.merge(day, archived == null ? Collections.emptyIterator() : archived, keepingLease, writer::append);
        }
    }

    private void verifyUpload(LocalDate day, String key, Path copy, long rows, String sha256) {
        if (!landing.download(key, copy)) {
            throw new ArchiveException("the archive of " + day + " is not in " + landing.location(key) + " right after its upload");
        }
        String uploaded = sha256(copy);
        if (!uploaded.equals(sha256)) {
            throw new ArchiveException("the archive of " + day + " reads back from " + landing.location(key) + " with SHA-256 " + uploaded
                    + ", not the " + sha256 + " uploaded");
        }
        verifyRowCount(day, copy, rows);
    }

    private void verifyRowCount(LocalDate day, Path file, long rows) {
        long counted = files.rowCount(file);
        if (counted != rows) {
            throw new ArchiveException("the archive of " + day + " says it holds " + counted + " check-ins, not the " + rows + " written");
        }
    }

    private static Path workDirectory(LocalDate day) {
        try {
            return Files.createTempDirectory("atoll-archive-" + day + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("no work directory for archiving " + day, e);
        }
    }

    /** Best effort: a leftover work file costs disk space, while an exception here would hide the run's own failure. */
    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Collections.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not remove the archive's work directory {}: {}", directory, e.getMessage());
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) {
        return HexFormat.of().formatHex(FileDigest.of(file, "SHA-256"));
    }
}
