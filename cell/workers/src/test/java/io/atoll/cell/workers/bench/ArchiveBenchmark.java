package io.atoll.cell.workers.bench;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.atoll.cell.workers.cleanup.ArchiveListener;
import io.atoll.cell.workers.cleanup.ArchiveReport;
import io.atoll.cell.workers.cleanup.ArchivedCheckin;
import io.atoll.cell.workers.cleanup.CheckinArchive;
import io.atoll.cell.workers.cleanup.CheckinFiles;
import io.atoll.cell.workers.cleanup.DayArchive;
import io.atoll.cell.workers.cleanup.support.ArchiveSetup;
import io.atoll.cell.workers.cleanup.support.CheckinSamples;
import io.atoll.cell.workers.store.CassandraHotCheckins;
import io.atoll.cell.workers.store.ParquetCheckinFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Check-ins archived per second by the real archive (scan, per-partition reads, merge, Parquet, upload, read-back,
 * checkpoint, deletes) against a baseline in the same run: the same rows read by one paged driver scan of the table
 * and written to Parquet files, one per day, with the same writer (no upload, no verification, no deletes). Each
 * round inserts fresh rows into old days, runs the baseline over them, then archives them. A small round first
 * warms both paths up. Run through {@code cell/workers/bench/run-archive-benchmark.sh}.
 */
public final class ArchiveBenchmark {
    private static final String CELL = "eu-west-1";
    private static final Duration HOT_WINDOW = Duration.ofDays(30);
    /** The service's default ({@code atoll.workers.cleanup.partitions-in-flight}). */
    private static final int PARTITIONS_IN_FLIGHT = 32;

    private final ArchiveSetup setup;
    private final CheckinArchive archive;
    private final CheckinSamples samples = new CheckinSamples(1);
    private final ParquetCheckinFiles files = new ParquetCheckinFiles();
    private final Path work;
    private int round;

    private ArchiveBenchmark(ArchiveSetup setup, Path work) {
        this.setup = setup;
        this.archive = setup.archive(CELL, PARTITIONS_IN_FLIGHT);
        this.work = work;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        int rows = Integer.parseInt(options.getOrDefault("rows", "200000"));
        int days = Integer.parseInt(options.getOrDefault("days", "4"));
        int perDevice = Integer.parseInt(options.getOrDefault("per-device", "20"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        int devices = Math.max(1, rows / (days * perDevice));
        Path work = Files.createTempDirectory("archive-benchmark-");
        try (ArchiveSetup setup = ArchiveSetup.create("workers_bench")) {
            ArchiveBenchmark benchmark = new ArchiveBenchmark(setup, work);
            System.out.printf(Locale.ROOT, "%d check-ins a round over %d old days (%d devices a day, %d check-ins each); %d cores%n",
                    days * devices * perDevice, days, devices, perDevice, Runtime.getRuntime().availableProcessors());
            benchmark.round(Math.min(days, 2), Math.max(1, devices / 10), perDevice, false);
            List<Double> ratios = new ArrayList<>();
            for (int index = 0; index < rounds; index++) {
                ratios.add(benchmark.round(days, devices, perDevice, true));
            }
            ratios.sort(Double::compare);
            System.out.printf(Locale.ROOT, "archive / baseline, median of %d rounds: %.2fx (rounds: %s)%n", rounds, ratios.get(ratios.size() / 2),
                    ratios.stream().map(ratio -> String.format(Locale.ROOT, "%.2f", ratio)).toList());
        } finally {
            try (Stream<Path> paths = Files.walk(work)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /**
     * Inserts the round's rows (into days of their own; round 0 is the warm-up), runs the baseline and then the archive
     * over them; returns the archive's rate over the baseline's.
     */
    private double round(int days, int devices, int perDevice, boolean report) {
        round++;
        LocalDate firstKeptDay = archive.firstKeptDay(HOT_WINDOW);
        long inserted = 0;
        long insertStart = System.nanoTime();
        for (int day = 1; day <= days; day++) {
            List<ArchivedCheckin> checkins = samples.day(firstKeptDay.minusDays(day + 40L * round), devices, perDevice);
            setup.app().insert(checkins);
            inserted += checkins.size();
        }
        double insertSeconds = seconds(System.nanoTime() - insertStart);

        long baselineStart = System.nanoTime();
        long baselineRows = baseline();
        double baselineSeconds = seconds(System.nanoTime() - baselineStart);

        PhaseTimes phases = new PhaseTimes();
        long archiveStart = System.nanoTime();
        ArchiveReport archived = archive.archive(HOT_WINDOW, phases);
        double archiveSeconds = seconds(System.nanoTime() - archiveStart);

        if (archived.rowsArchived() != inserted || baselineRows != inserted) {
            throw new IllegalStateException("round " + round + ": inserted " + inserted + ", baseline read " + baselineRows + ", archived "
                    + archived.rowsArchived());
        }
        double baselineRate = baselineRows / baselineSeconds;
        double archiveRate = archived.rowsArchived() / archiveSeconds;
        if (report) {
            System.out.printf(Locale.ROOT, "round %d: inserted %d in %.1f s; baseline %d rows in %.2f s = %,.0f rows/s; archive %d rows in %.2f s"
                            + " = %,.0f rows/s; ratio %.2fx%n", round - 1, inserted, insertSeconds, baselineRows, baselineSeconds, baselineRate,
                    archived.rowsArchived(), archiveSeconds, archiveRate, archiveRate / baselineRate);
            System.out.printf(Locale.ROOT, "  archive phases: scan %.2f s, read+merge+write %.2f s, upload %.2f s, read back %.2f s, delete %.2f s;"
                            + " %d files, %,d bytes%n", phases.scan, phases.read, phases.upload, phases.verify, phases.delete,
                    archived.filesWritten(), phases.bytes);
        } else {
            System.out.printf(Locale.ROOT, "warm-up: %d rows, baseline %.2f s, archive %.2f s%n", inserted, baselineSeconds, archiveSeconds);
        }
        return archiveRate / baselineRate;
    }

    /** One paged scan of the table with the driver, every row written to its day's Parquet file. */
    private long baseline() {
        Map<LocalDate, CheckinFiles.Writer> writers = new HashMap<>();
        long rows = 0;
        try {
            SimpleStatement scan = SimpleStatement.newInstance("SELECT " + CassandraHotCheckins.COLUMNS + " FROM checkins").setPageSize(1000);
            for (Row row : setup.keyspace().session().execute(scan)) {
                ArchivedCheckin checkin = CassandraHotCheckins.checkinOf(row);
                writers.computeIfAbsent(checkin.day(), day -> files.create(work.resolve("baseline-" + round + "-" + day + ".parquet"), CELL)).append(checkin);
                rows++;
            }
        } finally {
            writers.values().forEach(CheckinFiles.Writer::close);
        }
        return rows;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value, not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }

    /** Where the archive's time goes, summed over the days, from the moments its steps complete. */
    private static final class PhaseTimes implements ArchiveListener {
        private long last = System.nanoTime();
        double scan;
        double read;
        double upload;
        double verify;
        double delete;
        long bytes;

        @Override
        public void dayStarted(LocalDate day, int partitions) {
            scan += lap();
        }

        @Override
        public void rowsRead(LocalDate day, long rowsRead, long alreadyInFile) {
            read += lap();
        }

        @Override
        public void fileWritten(LocalDate day, String location, long rows, long size) {
            upload += lap();
            bytes += size;
        }

        @Override
        public void verified(LocalDate day, long rows, String sha256) {
            verify += lap();
        }

        @Override
        public void dayArchived(DayArchive day) {
            delete += lap();
        }

        private double lap() {
            long now = System.nanoTime();
            double seconds = seconds(now - last);
            last = now;
            return seconds;
        }
    }
}
