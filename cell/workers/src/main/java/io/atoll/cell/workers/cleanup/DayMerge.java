package io.atoll.cell.workers.cleanup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Merges a day's archive file with the day's partitions still in Cassandra, by primary key, into the rows of
 * the day's next file. Both come in device order, so the merge streams: it holds one device's day at a time
 * (a partition the app bounds), however large the day.
 */
final class DayMerge {
    private final LocalDate day;
    private final Consumer<ArchivedCheckin> out;
    private long fileRows;
    private long hotRows;
    private long addedRows;
    private long writtenRows;

    private DayMerge(LocalDate day, Consumer<ArchivedCheckin> out) {
        this.day = requireNonNull(day, "day is null");
        this.out = requireNonNull(out, "out is null");
    }

    /**
     * Writes every check-in of {@code archived} (a file's rows) and of {@code hot} (one list per partition)
     * to {@code out} once, in device order and newest first within a device.
     */
    static Counts merge(LocalDate day, Iterator<ArchivedCheckin> archived, Iterator<List<ArchivedCheckin>> hot, Consumer<ArchivedCheckin> out) {
        DayMerge merge = new DayMerge(day, out);
        merge.run(new InDeviceOrder("the archive file", new DeviceGroups(archived)), new InDeviceOrder("Cassandra", hot));
        return new Counts(merge.fileRows, merge.hotRows, merge.addedRows, merge.writtenRows);
    }

    private void run(InDeviceOrder archived, InDeviceOrder hot) {
        List<ArchivedCheckin> fromFile = archived.next();
        List<ArchivedCheckin> fromCassandra = hot.next();
        while (fromFile != null || fromCassandra != null) {
            int order = fromFile == null ? 1
                    : fromCassandra == null ? -1
                    : ArchivedCheckin.DEVICE_ORDER.compare(deviceOf(fromFile), deviceOf(fromCassandra));
            if (order < 0) {
                fileRows += fromFile.size();
                write(fromFile);
                fromFile = archived.next();
            } else if (order > 0) {
                hotRows += fromCassandra.size();
                addedRows += fromCassandra.size();
                write(fromCassandra);
                fromCassandra = hot.next();
            } else {
                union(fromFile, fromCassandra);
                fromFile = archived.next();
                fromCassandra = hot.next();
            }
        }
    }

    /** One device in both: a run stopped before it deleted the partition, or the partition got rows since. */
    private void union(List<ArchivedCheckin> fromFile, List<ArchivedCheckin> fromCassandra) {
        fileRows += fromFile.size();
        hotRows += fromCassandra.size();
        Map<ArchivedCheckin.Key, ArchivedCheckin> rows = new LinkedHashMap<>();
        fromFile.forEach(checkin -> rows.put(checkin.key(), checkin));
        long added = fromCassandra.stream().filter(checkin -> rows.putIfAbsent(checkin.key(), checkin) == null).count();
        addedRows += added;
        if (added == 0) {
            write(fromFile);
        } else {
            List<ArchivedCheckin> merged = new ArrayList<>(rows.values());
            merged.sort(ArchivedCheckin.NEWEST_FIRST);
            write(merged);
        }
    }

    private void write(List<ArchivedCheckin> checkins) {
        for (ArchivedCheckin checkin : checkins) {
            if (!checkin.day().equals(day)) {
                throw new ArchiveException("a check-in of " + checkin.day() + " (device " + checkin.deviceId() + ") came up while archiving " + day);
            }
            out.accept(checkin);
            writtenRows++;
        }
    }

    private static UUID deviceOf(List<ArchivedCheckin> checkins) {
        return checkins.get(0).deviceId();
    }

    /**
     * How the day went.
     *
     * @param fileRows rows the previous file held
     * @param hotRows rows read from Cassandra
     * @param addedRows rows read from Cassandra that the previous file did not hold
     * @param writtenRows rows of the new file
     */
    record Counts(long fileRows, long hotRows, long addedRows, long writtenRows) {
    }

    /** A file's rows as one list per device; a file's device's rows are together. */
    private static final class DeviceGroups implements Iterator<List<ArchivedCheckin>> {
        private final Iterator<ArchivedCheckin> rows;
        private ArchivedCheckin pending;

        DeviceGroups(Iterator<ArchivedCheckin> rows) {
            this.rows = requireNonNull(rows, "rows is null");
        }

        @Override
        public boolean hasNext() {
            return pending != null || rows.hasNext();
        }

        @Override
        public List<ArchivedCheckin> next() {
            ArchivedCheckin first = pending != null ? pending : rows.next();
            pending = null;
            List<ArchivedCheckin> group = new ArrayList<>();
            group.add(first);
            while (rows.hasNext()) {
                ArchivedCheckin row = rows.next();
                if (!row.deviceId().equals(first.deviceId())) {
                    pending = row;
                    break;
                }
                group.add(row);
            }
            return group;
        }
    }

    /** Lists of one device each, skipping empty ones, checked to come in strictly increasing device order. */
    private static final class InDeviceOrder {
        private final String source;
        private final Iterator<List<ArchivedCheckin>> groups;
        private UUID lastDevice;

        InDeviceOrder(String source, Iterator<List<ArchivedCheckin>> groups) {
            this.source = requireNonNull(source, "source is null");
            this.groups = requireNonNull(groups, "groups is null");
        }

        /** The next non-empty list, or null at the end. */
        List<ArchivedCheckin> next() {
            while (groups.hasNext()) {
                List<ArchivedCheckin> group = groups.next();
                if (!group.isEmpty()) {
                    UUID device = deviceOf(group);
                    if (lastDevice != null && ArchivedCheckin.DEVICE_ORDER.compare(lastDevice, device) >= 0) {
                        throw new ArchiveException(source + " gave device " + device + " after " + lastDevice + ": not in device order");
                    }
                    lastDevice = device;
                    return group;
                }
            }
            return null;
        }
    }
}
