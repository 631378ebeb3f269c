package io.atoll.cell.app.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import io.atoll.cell.app.domain.feed.EventReceipt;
import io.atoll.cell.app.domain.feed.EventReceiptStore;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/** Receipts of cell events in {@code feed_event_receipts}, claimed and moved with lightweight transactions. */
@Singleton
final class CassandraEventReceiptStore implements EventReceiptStore {
    private final CassandraConnection cassandra;
    private final Supplier<Statements> statements;

    CassandraEventReceiptStore(CassandraConnection cassandra) {
        this.cassandra = requireNonNull(cassandra, "cassandra is null");
        this.statements = cassandra.onceConnected(Statements::new);
    }

    @Override
    public EventReceipt claim(String eventId, String memberId, UUID position, Duration keepFor) {
        ResultSet claim = cassandra.execute(statements.get().claim.bind(eventId, memberId, position, TimeToLive.of(keepFor)));
        if (claim.wasApplied()) {
            return new EventReceipt(eventId, memberId, position);
        }
        Row row = claim.one();
        return new EventReceipt(eventId, row.getString("member_id"), row.getUuid("feed_position"));
    }

    @Override
    public UUID reposition(String eventId, UUID expected, UUID replacement, Duration keepFor) {
        ResultSet moved = cassandra.execute(statements.get().reposition.bind(TimeToLive.of(keepFor), replacement, eventId, expected));
        return moved.wasApplied() ? replacement : moved.one().getUuid("feed_position");
    }

    private static final class Statements {
        final PreparedStatement claim;
        final PreparedStatement reposition;

        Statements(CqlSession session) {
            claim = session.prepare("INSERT INTO feed_event_receipts (event_id, member_id, feed_position) VALUES (?, ?, ?)"
                    + " IF NOT EXISTS USING TTL ?");
            reposition = session.prepare("UPDATE feed_event_receipts USING TTL ? SET feed_position = ? WHERE event_id = ? IF feed_position = ?");
        }
    }
}
