package io.atoll.cell.workers.cleanup;

import io.atoll.cell.workers.cleanup.support.CheckinSamples;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DayMergeTest {
    private static final LocalDate DAY = LocalDate.of(2025, 3, 14);

    private final CheckinSamples samples = new CheckinSamples(7);

    @Test
    void withoutAFileEveryPartitionIsWrittenInDeviceOrder() {
        List<List<ArchivedCheckin>> partitions = partitions(3, 4);

        List<ArchivedCheckin> out = new ArrayList<>();
        DayMerge.Counts counts = DayMerge.merge(DAY, List.<ArchivedCheckin>of().iterator(), partitions.iterator(), out::add);

        assertThat(out).containsExactlyElementsOf(partitions.stream().flatMap(List::stream).toList());
        assertThat(counts).isEqualTo(new DayMerge.Counts(0, 12, 12, 12));
    }

    @Test
    void checkinsTheFileHoldsAreWrittenOnceAndTheOthersJoinTheirDeviceNewestFirst() {
        List<List<ArchivedCheckin>> partitions = partitions(3, 4);
        List<ArchivedCheckin> file = partitions.stream().flatMap(List::stream).toList();
        UUID middle = partitions.get(1).get(0).deviceId();
        List<ArchivedCheckin> late = samples.device(middle, DAY, 2);
        List<ArchivedCheckin> stillInCassandra = Stream.concat(partitions.get(1).stream(), late.stream()).sorted(ArchivedCheckin.NEWEST_FIRST).toList();

        List<ArchivedCheckin> out = new ArrayList<>();
        DayMerge.Counts counts = DayMerge.merge(DAY, file.iterator(), List.of(stillInCassandra).iterator(), out::add);

        assertThat(out).hasSize(14).doesNotHaveDuplicates().containsAll(file).containsAll(late);
        assertThat(out.stream().filter(checkin -> checkin.deviceId().equals(middle)).toList()).isSortedAccordingTo(ArchivedCheckin.NEWEST_FIRST);
        assertThat(out.stream().map(ArchivedCheckin::deviceId).distinct().toList()).isSortedAccordingTo(ArchivedCheckin.DEVICE_ORDER);
        assertThat(counts).isEqualTo(new DayMerge.Counts(12, 6, 2, 14));
    }

    @Test
    void partitionsTheFileAlreadyHoldsWholeAddNothing() {
        List<List<ArchivedCheckin>> partitions = partitions(2, 3);
        List<ArchivedCheckin> file = partitions.stream().flatMap(List::stream).toList();

        List<ArchivedCheckin> out = new ArrayList<>();
        DayMerge.Counts counts = DayMerge.merge(DAY, file.iterator(), partitions.iterator(), out::add);

        assertThat(out).containsExactlyElementsOf(file);
        assertThat(counts.addedRows()).isZero();
    }

    @Test
    void aFileOutOfDeviceOrderIsRefused() {
        List<List<ArchivedCheckin>> partitions = partitions(2, 1);
        List<ArchivedCheckin> reversed = List.of(partitions.get(1).get(0), partitions.get(0).get(0));

        assertThatThrownBy(() -> DayMerge.merge(DAY, reversed.iterator(), List.<List<ArchivedCheckin>>of().iterator(), checkin -> {
        })).isInstanceOf(ArchiveException.class).hasMessageContaining("not in device order");
    }

    @Test
    void aCheckinOfAnotherDayIsRefused() {
        List<ArchivedCheckin> otherDay = samples.day(DAY.plusDays(1), 1, 1);

        assertThatThrownBy(() -> DayMerge.merge(DAY, List.<ArchivedCheckin>of().iterator(), List.of(otherDay).iterator(), checkin -> {
        })).isInstanceOf(ArchiveException.class).hasMessageContaining("while archiving " + DAY);
    }

    /** Partitions of {@code devices} devices in device order, each newest first as Cassandra returns them. */
    private List<List<ArchivedCheckin>> partitions(int devices, int perDevice) {
        return Stream.generate(UUID::randomUUID).limit(devices)
                .sorted(ArchivedCheckin.DEVICE_ORDER)
                .map(device -> samples.device(device, DAY, perDevice).stream().sorted(ArchivedCheckin.NEWEST_FIRST).toList())
                .toList();
    }
}
