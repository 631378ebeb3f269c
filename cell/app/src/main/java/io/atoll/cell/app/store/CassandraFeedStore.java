package io.atoll.cell.app.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.atoll.cell.app.domain.feed.FeedEntry;
import io.atoll.cell.app.domain.feed.FeedItem;
import io.atoll.cell.app.domain.feed.FeedItemKind;
import io.atoll.cell.app.domain.feed.FeedPosition;
import io.atoll.cell.app.domain.feed.FeedStore;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/** Feed items in {@code feed_items} by member and UTC day, and the index of non-empty days in {@code feed_days}. */
@Singleton
final class CassandraFeedStore implements FeedStore {
    /** The day index outlives the items it points to, so it never misses a day that still has some. */
    private static final Duration DAY_INDEX_MARGIN = Duration.ofDays(1);

    /** Enough for every member checking in on one instance in a day; beyond, the least recent are written again. */
    private static final int INDEXED_DAYS_KEPT = 100_000;

    private final CassandraConnection cassandra;
    private final Supplier<Statements> statements;
    /**
     * The (member, day) index rows this instance has written. They outlive the day, so a member's later
     * publications that day need not write theirs again.
     */
    private final Set<DayKey> indexedDays = Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>(1_024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<DayKey, Boolean> eldest) {
            return size() > INDEXED_DAYS_KEPT;
        }
    }));

    CassandraFeedStore(CassandraConnection cassandra) {
        this.cassandra = requireNonNull(cassandra, "cassandra is null");
        this.statements = cassandra.onceConnected(Statements::new);
    }

    @Override
    public CompletableFuture<Void> write(String memberId, UUID publication, List<FeedEntry> entries, Duration ttl) {
        Statements prepared = statements.get();
        LocalDate day = FeedPosition.dayOf(publication);
        int seconds = TimeToLive.of(ttl);
        // One partition: the batch is applied atomically and in isolation, and costs no batch log.
        BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.UNLOGGED);
        for (int index = 0; index < entries.size(); index++) {
            FeedEntry entry = entries.get(index);
            batch.addStatement(Binding.bindSkippingNulls(prepared.insertItem, memberId, day, publication, index,
                    entry.kind().name().toLowerCase(Locale.ROOT), entry.deviceId().orElse(null), entry.sourceId(), entry.type(),
                    entry.occurredAt(), entry.attributes(), seconds));
        }
        BatchStatement items = batch.setIdempotence(true).build();
        DayKey key = new DayKey(memberId, day);
        if (indexedDays.contains(key)) {
            return cassandra.executeAsync(items).thenApply(written -> null);
        }
        // The day goes into the index before the items: an indexed day without items costs a read, items
        // on a day missing from the index would never be synced.
        return cassandra.executeAsync(prepared.insertDay.bind(memberId, day, TimeToLive.of(ttl.plus(DAY_INDEX_MARGIN))).setIdempotent(true))
                .thenRun(() -> indexedDays.add(key))
                .thenCompose(indexed -> cassandra.executeAsync(items))
                .thenApply(written -> null);
    }

    @Override
    public boolean hasPublication(String memberId, UUID publication) {
        LocalDate day = FeedPosition.dayOf(publication);
        return cassandra.execute(statements.get().selectPublication.bind(memberId, day, publication)).one() != null;
    }

    @Override
    public List<LocalDate> daysWithItems(String memberId, LocalDate from, LocalDate to) {
        return cassandra.execute(statements.get().selectDays.bind(memberId, from, to)).all().stream()
                .map(row -> row.getLocalDate("day"))
                .toList();
    }

    @Override
    public List<FeedItem> items(String memberId, LocalDate day, FeedPosition after, FeedPosition upTo, int limit) {
        return cassandra.execute(statements.get().selectItems.bind(memberId, day, after.publication(), after.index(),
                        upTo.publication(), upTo.index(), limit)).all().stream()
                .map(row -> new FeedItem(new FeedPosition(row.getUuid("position"), row.getInt("item_index")), entry(row)))
                .toList();
    }

    private static FeedEntry entry(Row row) {
        String source = row.getString("source");
        return new FeedEntry(FeedItemKind.valueOf(row.getString("kind").toUpperCase(Locale.ROOT)), Optional.ofNullable(row.getUuid("device_id")),
                source != null ? source : String.valueOf(row.getUuid("source_id")), row.getString("type"), row.getInstant("occurred_at"),
                row.getMap("attributes", String.class, String.class));
    }

    private record DayKey(String memberId, LocalDate day) {
    }

    private static final class Statements {
        final PreparedStatement insertDay;
        final PreparedStatement insertItem;
        final PreparedStatement selectPublication;
        final PreparedStatement selectDays;
        final PreparedStatement selectItems;

        Statements(CqlSession session) {
            insertDay = session.prepare("INSERT INTO feed_days (member_id, day) VALUES (?, ?) USING TTL ?");
            insertItem = session.prepare("INSERT INTO feed_items (member_id, day, position, item_index, kind, device_id, source, type,"
                    + " occurred_at, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) USING TTL ?");
            selectPublication = session.prepare("SELECT item_index FROM feed_items WHERE member_id = ? AND day = ? AND position = ? LIMIT 1");
            selectDays = session.prepare("SELECT day FROM feed_days WHERE member_id = ? AND day >= ? AND day <= ?");
            selectItems = session.prepare("SELECT position, item_index, kind, device_id, source, source_id, type, occurred_at, attributes"
                    + " FROM feed_items WHERE member_id = ? AND day = ?"
                    + " AND (position, item_index) > (?, ?) AND (position, item_index) <= (?, ?) LIMIT ?");
        }
    }
}
