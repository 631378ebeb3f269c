package io.atoll.cell.workers.cleanup;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cleanup's meters: check-ins archived (deleted from Cassandra once a verified file held them), files
 * written, uploads purged, and when a run last completed (an alert fires when that grows old).
 */
public final class CleanupMetrics implements CleanupListener {
    private final Counter rowsArchived;
    private final Counter filesWritten;
    private final Counter uploadsPurged;
    private final AtomicLong lastSuccess = new AtomicLong();

    public CleanupMetrics(MeterRegistry registry) {
        rowsArchived = Counter.builder("atoll.workers.cleanup.rows.archived")
                .description("Check-ins moved from Cassandra into archive files").register(registry);
        filesWritten = Counter.builder("atoll.workers.cleanup.files.written")
                .description("Archive files uploaded to the landing zone").register(registry);
        uploadsPurged = Counter.builder("atoll.workers.cleanup.uploads.purged")
                .description("Expired uploads purged through storage").register(registry);
        Gauge.builder("atoll.workers.cleanup.last.success", lastSuccess, AtomicLong::get)
                .description("When a cleanup run last completed without error, in seconds since the epoch (0: not yet)")
                .baseUnit("seconds").register(registry);
    }

    @Override
    public void fileWritten(LocalDate day, String location, long rows, long bytes) {
        filesWritten.increment();
    }

    @Override
    public void dayArchived(DayArchive day) {
        rowsArchived.increment(day.rowsArchived());
    }

    @Override
    public void batchPurged(int purged, boolean more) {
        uploadsPurged.increment(purged);
    }

    void succeeded(Instant at) {
        lastSuccess.set(at.getEpochSecond());
    }
}
