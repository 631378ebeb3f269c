package io.atoll.cell.workers.cleanup;

import io.atoll.cell.workers.cleanup.support.AppKeyspace;
import io.atoll.cell.workers.cleanup.support.ArchiveSetup;
import io.atoll.cell.workers.cleanup.support.CheckinSamples;
import io.atoll.cell.workers.store.ParquetCheckinFiles;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The archive against the build's Cassandra (with the app's own schema) and S3Proxy: what it writes, what it
 * deletes, and that a run stopped at any step and run again loses and duplicates nothing.
 */
class ArchiveIT {
    private static final String CELL = "eu-west-1";
    private static final Duration HOT_WINDOW = Duration.ofDays(30);
    /** Few, so that a run stopped after some deletes has sent only some of the day's. */
    private static final int PARTITIONS_IN_FLIGHT = 3;

    @TempDir
    Path downloads;

    private final CheckinSamples samples = new CheckinSamples(20_240_501);
    private final ParquetCheckinFiles files = new ParquetCheckinFiles();
    private ArchiveSetup setup;
    private CheckinArchive archive;
    private LocalDate firstKeptDay;
    /** The check-ins of the days to archive, by day, oldest first. */
    private final Map<LocalDate, List<ArchivedCheckin>> old = new LinkedHashMap<>();
    private final List<ArchivedCheckin> recent = new ArrayList<>();

    /** One keyspace for the class, emptied before each test: migrating a new one for each would take most of the time. */
    private static AppKeyspace keyspace;

    @BeforeAll
    static void migrate() {
        keyspace = AppKeyspace.create("workers_archive");
    }

    @AfterAll
    static void dropKeyspace() {
        keyspace.close();
    }

    @BeforeEach
    void create() {
        setup = ArchiveSetup.on(keyspace, "workers_archive");
        archive = setup.archive(CELL, PARTITIONS_IN_FLIGHT);
        firstKeptDay = archive.firstKeptDay(HOT_WINDOW);
        // Three old days, the last of them the youngest one to archive; two recent days, the first of them the oldest one to keep.
        old.put(firstKeptDay.minusDays(15), samples.day(firstKeptDay.minusDays(15), 12, 5));
        old.put(firstKeptDay.minusDays(3), samples.day(firstKeptDay.minusDays(3), 20, 3));
        old.put(firstKeptDay.minusDays(1), samples.day(firstKeptDay.minusDays(1), 15, 4));
        recent.addAll(samples.day(firstKeptDay, 10, 3));
        recent.addAll(samples.day(firstKeptDay.plusDays(28), 10, 2));
        old.values().forEach(setup.app()::insert);
        setup.app().insert(recent);
    }

    @AfterEach
    void drop() {
        setup.close();
    }

    @Test
    void everyOldCheckinEndsUpInItsDaysFileAndOnlyTheRecentOnesStayInCassandra() throws IOException {
        ArchiveReport report = archive.archive(HOT_WINDOW, ArchiveListener.NONE);

        assertThat(report.days()).extracting(DayArchive::day).containsExactlyElementsOf(old.keySet());
        assertThat(report.rowsArchived()).isEqualTo(oldCount());
        assertThat(report.filesWritten()).isEqualTo(3);
        assertThat(setup.keys()).containsExactlyElementsOf(old.keySet().stream().map(day -> CheckinArchive.objectKey(CELL, day)).toList());
        for (Map.Entry<LocalDate, List<ArchivedCheckin>> day : old.entrySet()) {
            Path file = setup.download(CheckinArchive.objectKey(CELL, day.getKey()), downloads.resolve(day.getKey() + ".parquet"));
            assertThat(readAll(file)).containsExactlyInAnyOrderElementsOf(day.getValue());
            assertThat(setup.ledger().checkpoint(CELL, day.getKey())).get()
                    .extracting(DayCheckpoint::state, DayCheckpoint::rows, DayCheckpoint::sha256)
                    .containsExactly(DayCheckpoint.State.ARCHIVED, (long) day.getValue().size(), sha256(file));
        }
        assertThat(setup.app().checkins()).containsExactlyInAnyOrderElementsOf(recent);
    }

    @Test
    void theFilesHaveTypedColumnsThatAParquetReaderReadsAsTheAppStoredThem() throws IOException {
        archive.archive(HOT_WINDOW, ArchiveListener.NONE);
        LocalDate day = old.keySet().iterator().next();
        Path file = setup.download(CheckinArchive.objectKey(CELL, day), downloads.resolve("typed.parquet"));

        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            assertThat(reader.getRecordCount()).isEqualTo(old.get(day).size());
            assertThat(logicalType(schema, "cell")).isEqualTo(LogicalTypeAnnotation.stringType());
            assertThat(logicalType(schema, "device_id")).isEqualTo(LogicalTypeAnnotation.stringType());
            assertThat(logicalType(schema, "checkin_id")).isEqualTo(LogicalTypeAnnotation.stringType());
            assertThat(logicalType(schema, "day")).isEqualTo(LogicalTypeAnnotation.dateType());
            assertThat(logicalType(schema, "received_at")).isEqualTo(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS));
            assertThat(logicalType(schema, "client_time")).isEqualTo(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS));
            assertThat(schema.getType("battery_percent").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveType.PrimitiveTypeName.INT32);
            assertThat(schema.getType("battery_percent").isRepetition(Type.Repetition.OPTIONAL)).isTrue();
            assertThat(schema.getType("events").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.listType());
        }
        Map<String, ArchivedCheckin> written = old.get(day).stream().collect(Collectors.toMap(checkin -> checkin.checkinId().toString(), checkin -> checkin));
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file)).build()) {
            int rows = 0;
            for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
                ArchivedCheckin checkin = written.get(row.get("checkin_id").toString());
                assertThat(row.get("cell").toString()).isEqualTo(CELL);
                assertThat(row.get("day")).isEqualTo((int) day.toEpochDay());
                assertThat(row.get("device_id").toString()).isEqualTo(checkin.deviceId().toString());
                assertThat(row.get("received_at")).isEqualTo(checkin.receivedInstant().toEpochMilli());
                assertThat(row.get("received_at_uuid").toString()).isEqualTo(checkin.receivedAt().toString());
                assertThat(row.get("client_time")).isEqualTo(checkin.clientTime().toEpochMilli());
                assertThat(Optional.ofNullable(row.get("member_id")).map(Object::toString).orElse(null)).isEqualTo(checkin.memberId());
                assertThat(row.get("battery_percent")).isEqualTo(checkin.batteryPercent());
                assertThat((List<?>) row.get("events")).hasSize(checkin.events().size());
                rows++;
            }
            assertThat(rows).isEqualTo(old.get(day).size());
        }
    }

    @Test
    void aSecondRunChangesNothing() throws IOException {
        archive.archive(HOT_WINDOW, ArchiveListener.NONE);
        Map<String, String> filesAfterFirstRun = fileDigests();
        List<ArchivedCheckin> keptAfterFirstRun = setup.app().checkins();

        ArchiveReport second = archive.archive(HOT_WINDOW, ArchiveListener.NONE);

        assertThat(second.days()).isEmpty();
        assertThat(fileDigests()).isEqualTo(filesAfterFirstRun);
        assertThat(setup.app().checkins()).containsExactlyInAnyOrderElementsOf(keptAfterFirstRun).hasSameSizeAs(recent);
    }

    @Test
    void aRunStoppedRightAfterAnUploadIsCompletedByTheNextRunWithoutLossOrDuplicates() throws IOException {
        LocalDate stoppedDay = dayAt(1);
        ArchiveListener crashAfterUpload = new ArchiveListener() {
            @Override
            public void fileWritten(LocalDate day, String location, long rows, long bytes) {
                if (day.equals(stoppedDay)) {
                    throw new SimulatedCrash("after uploading " + location);
                }
            }
        };
        assertThatThrownBy(() -> archive.archive(HOT_WINDOW, crashAfterUpload)).isInstanceOf(SimulatedCrash.class);
        assertThat(setup.keys()).contains(CheckinArchive.objectKey(CELL, stoppedDay));
        assertThat(setup.ledger().checkpoint(CELL, stoppedDay)).isEmpty();
        assertThat(setup.app().checkins()).containsAll(old.get(stoppedDay)).doesNotContainAnyElementsOf(old.get(dayAt(0)));

        RecordingListener rerun = new RecordingListener();
        ArchiveReport report = archive.archive(HOT_WINDOW, rerun);

        assertThat(report.days()).extracting(DayArchive::day).containsExactly(stoppedDay, dayAt(2));
        assertThat(rerun.kept).containsExactly(stoppedDay);
        assertThat(rerun.written).containsExactly(dayAt(2));
        assertEveryOldCheckinArchivedExactlyOnce();
    }

    @Test
    void aRunStoppedInTheMiddleOfTheDeletesIsCompletedByTheNextRunWithoutLossOrDuplicates() throws IOException {
        LocalDate stoppedDay = dayAt(1);
        AtomicInteger deletes = new AtomicInteger();
        ArchiveListener crashMidDeletes = new ArchiveListener() {
            @Override
            public void partitionDeleted(LocalDate day, UUID device) {
                if (day.equals(stoppedDay) && deletes.incrementAndGet() == 7) {
                    throw new SimulatedCrash("after deleting 7 partitions");
                }
            }
        };
        assertThatThrownBy(() -> archive.archive(HOT_WINDOW, crashMidDeletes)).isInstanceOf(SimulatedCrash.class);
        assertThat(setup.ledger().checkpoint(CELL, stoppedDay)).get().extracting(DayCheckpoint::state).isEqualTo(DayCheckpoint.State.VERIFIED);
        List<ArchivedCheckin> leftOfStoppedDay = setup.app().checkins().stream().filter(checkin -> checkin.day().equals(stoppedDay)).toList();
        assertThat(leftOfStoppedDay).isNotEmpty().hasSizeLessThan(old.get(stoppedDay).size());

        RecordingListener rerun = new RecordingListener();
        archive.archive(HOT_WINDOW, rerun);

        assertThat(rerun.kept).containsExactly(stoppedDay);
        assertEveryOldCheckinArchivedExactlyOnce();
    }

    @Test
    void checkinsFoundBesideAnExistingFileAreMergedIntoItByPrimaryKey() throws IOException {
        LocalDate stoppedDay = dayAt(0);
        AtomicInteger deletes = new AtomicInteger();
        assertThatThrownBy(() -> archive.archive(HOT_WINDOW, new ArchiveListener() {
            @Override
            public void partitionDeleted(LocalDate day, UUID device) {
                if (deletes.incrementAndGet() == 4) {
                    throw new SimulatedCrash("after deleting 4 partitions");
                }
            }
        })).isInstanceOf(SimulatedCrash.class);
        // Rows the file does not hold yet: a new device, and one more check-in of a device whose partition is still there.
        ArchivedCheckin remaining = setup.app().checkins().stream().filter(checkin -> checkin.day().equals(stoppedDay)).findFirst().orElseThrow();
        List<ArchivedCheckin> late = new ArrayList<>(samples.day(stoppedDay, 2, 3));
        late.addAll(samples.device(remaining.deviceId(), stoppedDay, 2));
        setup.app().insert(late);
        old.get(stoppedDay).addAll(late);

        RecordingListener rerun = new RecordingListener();
        ArchiveReport report = archive.archive(HOT_WINDOW, rerun);

        assertThat(rerun.written).contains(stoppedDay);
        assertThat(report.days().get(0).rowsAdded()).isEqualTo(late.size());
        assertEveryOldCheckinArchivedExactlyOnce();
    }

    @Test
    void aCheckpointWhoseFileIsGoneStopsTheDayBeforeAnythingIsDeleted() {
        LocalDate stoppedDay = dayAt(0);
        AtomicInteger deletes = new AtomicInteger();
        assertThatThrownBy(() -> archive.archive(HOT_WINDOW, new ArchiveListener() {
            @Override
            public void partitionDeleted(LocalDate day, UUID device) {
                if (deletes.incrementAndGet() == 2) {
                    throw new SimulatedCrash("after deleting 2 partitions");
                }
            }
        })).isInstanceOf(SimulatedCrash.class);
        setup.deleteObject(CheckinArchive.objectKey(CELL, stoppedDay));
        List<ArchivedCheckin> before = setup.app().checkins();

        assertThatThrownBy(() -> archive.archive(HOT_WINDOW, ArchiveListener.NONE))
                .isInstanceOf(ArchiveException.class)
                .hasMessageContaining("no such object");
        assertThat(setup.app().checkins()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void aRunFindingTheLeaseTakenArchivesNothingUntilItIsGivenUp() {
        try (ArchiveLease other = setup.ledger().acquire(CELL, "another-run", Duration.ofMinutes(1))) {
            assertThatThrownBy(() -> archive.archive(HOT_WINDOW, ArchiveListener.NONE))
                    .isInstanceOf(ArchiveBusyException.class)
                    .hasMessageContaining("another-run");
            assertThat(setup.app().checkins()).hasSize(oldCount() + recent.size());
        }

        assertThat(archive.archive(HOT_WINDOW, ArchiveListener.NONE).rowsArchived()).isEqualTo(oldCount());
    }

    @Test
    void aCleanupRunCountsItsWorkInTheCleanupMeters() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ExpiredUploads notAsked = limit -> {
            throw new AssertionError("an archive-only run purges nothing");
        };
        CleanupJob job = new CleanupJob(archive, new UploadPurge(notAsked, 10), new CleanupMetrics(meters), Clock.systemUTC());
        Instant before = Instant.now().minusSeconds(1);

        CleanupReport report = job.run(new CleanupRequest(true, false, HOT_WINDOW), CleanupListener.NONE);

        assertThat(report.archive()).get().extracting(ArchiveReport::rowsArchived).isEqualTo((long) oldCount());
        assertThat(report.purge()).isEmpty();
        assertThat(meters.get("atoll.workers.cleanup.rows.archived").counter().count()).isEqualTo(oldCount());
        assertThat(meters.get("atoll.workers.cleanup.files.written").counter().count()).isEqualTo(3);
        assertThat(meters.get("atoll.workers.cleanup.uploads.purged").counter().count()).isZero();
        assertThat(meters.get("atoll.workers.cleanup.last.success").gauge().value()).isGreaterThanOrEqualTo(before.getEpochSecond());
    }

    private void assertEveryOldCheckinArchivedExactlyOnce() throws IOException {
        for (Map.Entry<LocalDate, List<ArchivedCheckin>> day : old.entrySet()) {
            Path file = setup.download(CheckinArchive.objectKey(CELL, day.getKey()), downloads.resolve("check-" + day.getKey() + ".parquet"));
            List<ArchivedCheckin> archived = readAll(file);
            assertThat(archived).hasSize(day.getValue().size()).containsExactlyInAnyOrderElementsOf(day.getValue());
            assertThat(setup.ledger().checkpoint(CELL, day.getKey())).get()
                    .extracting(DayCheckpoint::state, DayCheckpoint::rows, DayCheckpoint::sha256)
                    .containsExactly(DayCheckpoint.State.ARCHIVED, (long) day.getValue().size(), sha256(file));
        }
        assertThat(setup.keys()).hasSize(old.size());
        assertThat(setup.app().checkins()).containsExactlyInAnyOrderElementsOf(recent);
    }

    private List<ArchivedCheckin> readAll(Path file) {
        List<ArchivedCheckin> checkins = new ArrayList<>();
        try (CheckinFiles.Reader reader = files.read(file)) {
            reader.forEachRemaining(checkins::add);
        }
        return checkins;
    }

    private Map<String, String> fileDigests() {
        Map<String, String> digests = new LinkedHashMap<>();
        for (String key : setup.keys()) {
            digests.put(key, sha256(setup.download(key, downloads.resolve("digest-" + digests.size() + ".parquet"))));
        }
        return digests;
    }

    private LocalDate dayAt(int index) {
        return new ArrayList<>(old.keySet()).get(index);
    }

    private int oldCount() {
        return old.values().stream().mapToInt(List::size).sum();
    }

    private static LogicalTypeAnnotation logicalType(MessageType schema, String column) {
        return schema.getType(column).getLogicalTypeAnnotation();
    }

    private static String sha256(Path file) {
        return HexFormat.of().formatHex(FileDigest.of(file, "SHA-256"));
    }

    /** What a killed process would leave behind at that step. */
    private static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(String message) {
            super(message);
        }
    }

    private static final class RecordingListener implements ArchiveListener {
        final List<LocalDate> written = new ArrayList<>();
        final List<LocalDate> kept = new ArrayList<>();

        @Override
        public void fileWritten(LocalDate day, String location, long rows, long bytes) {
            written.add(day);
        }

        @Override
        public void fileKept(LocalDate day, String location, long rows) {
            kept.add(day);
        }
    }
}
