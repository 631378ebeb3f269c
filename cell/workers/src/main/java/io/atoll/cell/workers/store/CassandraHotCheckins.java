package io.atoll.cell.workers.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.data.UdtValue;
import io.atoll.cell.workers.cleanup.ArchivedCheckin;
import io.atoll.cell.workers.cleanup.ArchivedEvent;
import io.atoll.cell.workers.cleanup.HotCheckins;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The app's {@code checkins} table ({@code PRIMARY KEY ((device_id, day), received_at, checkin_id)}). Partitions
 * are found by a paged scan of the table's partition keys, read and deleted one by one, with up to
 * {@code partitionsInFlight} requests under way at once so that round trips overlap.
 */
public final class CassandraHotCheckins implements HotCheckins {
    /** The columns of the app's table, in the order {@link #checkinOf(Row)} reads them. */
    public static final String COLUMNS = "device_id, day, received_at, checkin_id, member_id, client_time, app_version, os, battery_percent,"
            + " network_type, events";
    private static final int SCAN_PAGE_SIZE = 5000;
    private static final int READ_PAGE_SIZE = 1000;

    private final CheckinKeyspace keyspace;
    private final int partitionsInFlight;
    private Statements statements;

    public CassandraHotCheckins(CheckinKeyspace keyspace, int partitionsInFlight) {
        this.keyspace = requireNonNull(keyspace, "keyspace is null");
        if (partitionsInFlight < 1) {
            throw new IllegalArgumentException("partitionsInFlight must be positive: " + partitionsInFlight);
        }
        this.partitionsInFlight = partitionsInFlight;
    }

    @Override
    public Map<LocalDate, Set<UUID>> partitionsBefore(LocalDate firstKeptDay) {
        Map<LocalDate, Set<UUID>> partitions = new TreeMap<>();
        for (Row row : session().execute(statements().scan.bind().setPageSize(SCAN_PAGE_SIZE))) {
            LocalDate day = row.getLocalDate(1);
            if (day.isBefore(firstKeptDay)) {
                partitions.computeIfAbsent(day, ignored -> new HashSet<>()).add(row.getUuid(0));
            }
        }
        return partitions;
    }

    @Override
    public Iterator<List<ArchivedCheckin>> read(LocalDate day, List<UUID> devices) {
        List<UUID> order = List.copyOf(devices);
        Statements prepared = statements();
        CqlSession session = session();
        return new Iterator<>() {
            private final ArrayDeque<CompletableFuture<List<ArchivedCheckin>>> inFlight = new ArrayDeque<>();
            private int sent;

            @Override
            public boolean hasNext() {
                return sent < order.size() || !inFlight.isEmpty();
            }

            @Override
            public List<ArchivedCheckin> next() {
                while (inFlight.size() < partitionsInFlight && sent < order.size()) {
                    UUID device = order.get(sent++);
                    inFlight.add(session.executeAsync(prepared.read.bind(device, day).setPageSize(READ_PAGE_SIZE).setIdempotent(true))
                            .thenCompose(page -> rest(page, new ArrayList<>()))
                            .toCompletableFuture());
                }
                if (inFlight.isEmpty()) {
                    throw new NoSuchElementException();
                }
                return await(inFlight.poll()::join);
            }
        };
    }

    private static CompletionStage<List<ArchivedCheckin>> rest(AsyncResultSet page, List<ArchivedCheckin> rows) {
        for (Row row : page.currentPage()) {
            rows.add(checkinOf(row));
        }
        return page.hasMorePages() ? page.fetchNextPage().thenCompose(next -> rest(next, rows)) : CompletableFuture.completedFuture(rows);
    }

    @Override
    public void delete(LocalDate day, List<UUID> devices, Instant writtenBefore, Consumer<UUID> deleted) {
        long timestamp = ChronoUnit.MICROS.between(Instant.EPOCH, writtenBefore);
        Statements prepared = statements();
        CqlSession session = session();
        ArrayDeque<PendingDelete> inFlight = new ArrayDeque<>();
        for (UUID device : devices) {
            if (inFlight.size() == partitionsInFlight) {
                inFlight.poll().await(deleted);
            }
            inFlight.add(new PendingDelete(device, session.executeAsync(prepared.delete.bind(timestamp, device, day).setIdempotent(true))
                    .toCompletableFuture()));
        }
        while (!inFlight.isEmpty()) {
            inFlight.poll().await(deleted);
        }
    }

    private record PendingDelete(UUID device, CompletableFuture<AsyncResultSet> result) {
        void await(Consumer<UUID> deleted) {
            CassandraHotCheckins.await(result::join);
            deleted.accept(device);
        }
    }

    /** A row of the app's table, selected as {@link #COLUMNS}. */
    public static ArchivedCheckin checkinOf(Row row) {
        return new ArchivedCheckin(row.getUuid(0), row.getLocalDate(1), row.getUuid(2), row.getUuid(3), row.getString(4), row.getInstant(5),
                row.getString(6), row.getString(7), row.isNull(8) ? null : row.getInt(8), row.getString(9),
                row.getList(10, UdtValue.class).stream().map(CassandraHotCheckins::eventOf).toList());
    }

    private static ArchivedEvent eventOf(UdtValue event) {
        return new ArchivedEvent(event.getString("type"), event.getInstant("occurred_at"), event.getMap("attributes", String.class, String.class));
    }

    /** The request's own exception rather than the future's wrapper, so that callers see what failed. */
    private static <T> T await(Supplier<T> joined) {
        try {
            return joined.get();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private CqlSession session() {
        return keyspace.session();
    }

    private synchronized Statements statements() {
        if (statements == null) {
            statements = new Statements(session());
        }
        return statements;
    }

    private static final class Statements {
        final PreparedStatement scan;
        final PreparedStatement read;
        final PreparedStatement delete;

        Statements(CqlSession session) {
            scan = session.prepare("SELECT DISTINCT device_id, day FROM checkins");
            read = session.prepare("SELECT " + COLUMNS + " FROM checkins WHERE device_id = ? AND day = ?");
            // A partition tombstone at the time the day was read: what was written later (by a clock that ran
            // ahead, say) outlives it and is archived by the next run.
            delete = session.prepare("DELETE FROM checkins USING TIMESTAMP ? WHERE device_id = ? AND day = ?");
        }
    }
}
