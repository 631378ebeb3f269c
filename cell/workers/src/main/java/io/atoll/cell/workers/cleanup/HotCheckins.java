package io.atoll.cell.workers.cleanup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** The app's check-ins still in Cassandra, one partition per device and UTC day. */
public interface HotCheckins {
    /** The devices with a partition on each day before {@code firstKeptDay}. */
    Map<LocalDate, Set<UUID>> partitionsBefore(LocalDate firstKeptDay);

    /** The check-ins of the day's partitions, one list per device, in the order of {@code devices}. */
    Iterator<List<ArchivedCheckin>> read(LocalDate day, List<UUID> devices);

    /**
     * Deletes the day's partitions of the given devices, as far as they were written before
     * {@code writtenBefore}; calls {@code deleted} after each partition, in the order given.
     */
    void delete(LocalDate day, List<UUID> devices, Instant writtenBefore, Consumer<UUID> deleted);
}
