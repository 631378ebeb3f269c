package io.atoll.cell.app.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.ListType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import io.atoll.cell.app.domain.TimeUuids;
import io.atoll.cell.app.domain.checkin.ActivityEvent;
import io.atoll.cell.app.domain.checkin.CheckinReceipt;
import io.atoll.cell.app.domain.checkin.CheckinStore;
import io.atoll.cell.app.domain.checkin.CheckinSubmission;
import io.atoll.cell.app.domain.checkin.DeviceReport;
import io.atoll.cell.app.domain.checkin.NetworkType;
import io.atoll.cell.app.domain.checkin.StoredCheckin;
import jakarta.inject.Singleton;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Receipts in {@code checkin_receipts} (claimed and moved with lightweight transactions), raw check-ins in
 * {@code checkins} by device and UTC day, latest states in {@code device_state}.
 */
@Singleton
final class CassandraCheckinStore implements CheckinStore {
    private static final String RAW_COLUMNS = "device_id, day, received_at, checkin_id, member_id, client_time, app_version, os,"
            + " battery_percent, network_type, events";

    private final CassandraConnection cassandra;
    private final Clock clock;
    private final Supplier<Statements> statements;

    CassandraCheckinStore(CassandraConnection cassandra, Clock clock) {
        this.cassandra = requireNonNull(cassandra, "cassandra is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.statements = cassandra.onceConnected(Statements::new);
    }

    @Override
    public CheckinReceipt claim(UUID deviceId, UUID checkinId, String memberId, String digest, UUID position, Duration keepFor) {
        ResultSet claim = cassandra.execute(statements.get().claim.bind(deviceId, checkinId, memberId,
                ByteBuffer.wrap(HexFormat.of().parseHex(digest)), position, position, TimeToLive.of(keepFor)));
        if (claim.wasApplied()) {
            return new CheckinReceipt(deviceId, checkinId, memberId, digest, position, position, true);
        }
        Row row = claim.one();
        return new CheckinReceipt(deviceId, checkinId, row.getString("member_id"), HexFormat.of().formatHex(bytes(row.getByteBuffer("digest"))),
                row.getUuid("received_at"), row.getUuid("feed_position"), false);
    }

    @Override
    public UUID reposition(CheckinReceipt receipt, UUID expected, UUID replacement, Duration keepFor) {
        ResultSet moved = cassandra.execute(statements.get().reposition.bind(ttl(receipt, keepFor), replacement, receipt.deviceId(),
                receipt.checkinId(), expected));
        return moved.wasApplied() ? replacement : moved.one().getUuid("feed_position");
    }

    @Override
    public CompletableFuture<Void> record(CheckinReceipt receipt, CheckinSubmission submission, Duration keepFor) {
        Statements prepared = statements.get();
        DeviceReport state = submission.state();
        Instant receivedAt = TimeUuids.instantOf(receipt.receivedAt());
        int ttl = ttl(receipt, keepFor);
        List<UdtValue> events = submission.events().stream().map(prepared::event).toList();
        return cassandra.executeAllAsync(List.of(
                Binding.bindSkippingNulls(prepared.insertCheckin, receipt.deviceId(), dayOf(receivedAt), receipt.receivedAt(), receipt.checkinId(),
                        receipt.memberId(), submission.clientTime(), state.appVersion(), state.os(), state.batteryPercent(),
                        state.networkType().wireName(), events, ttl).setIdempotent(true),
                // Written at the time the check-in first arrived: a retry arriving after a newer check-in loses to it.
                Binding.bindSkippingNulls(prepared.insertState, receipt.deviceId(), receipt.checkinId(), receivedAt, submission.clientTime(),
                        state.appVersion(), state.os(), state.batteryPercent(), state.networkType().wireName(), ttl,
                        ChronoUnit.MICROS.between(Instant.EPOCH, receivedAt)).setIdempotent(true)));
    }

    @Override
    public Optional<StoredCheckin> find(UUID deviceId, UUID checkinId) {
        Statements prepared = statements.get();
        Row receipt = cassandra.execute(prepared.selectReceipt.bind(deviceId, checkinId)).one();
        if (receipt == null) {
            return Optional.empty();
        }
        UUID receivedAt = receipt.getUuid("received_at");
        Instant received = TimeUuids.instantOf(receivedAt);
        return Optional.ofNullable(cassandra.execute(prepared.selectCheckin.bind(deviceId, dayOf(received), receivedAt, checkinId)).one())
                .map(row -> new StoredCheckin(deviceId, received, new CheckinSubmission(checkinId, row.getInstant("client_time"),
                        new DeviceReport(row.getString("app_version"), row.getString("os"),
                                row.isNull("battery_percent") ? null : row.getInt("battery_percent"),
                                NetworkType.ofWireName(row.getString("network_type"))),
                        row.getList("events", UdtValue.class).stream().map(CassandraCheckinStore::event).toList())));
    }

    private int ttl(CheckinReceipt receipt, Duration keepFor) {
        return TimeToLive.remaining(receipt.receivedAt(), keepFor, clock.instant());
    }

    private static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static ActivityEvent event(UdtValue value) {
        return new ActivityEvent(value.getString("type"), value.getInstant("occurred_at"), value.getMap("attributes", String.class, String.class));
    }

    private static final class Statements {
        final PreparedStatement claim;
        final PreparedStatement reposition;
        final PreparedStatement selectReceipt;
        final PreparedStatement insertCheckin;
        final PreparedStatement insertState;
        final PreparedStatement selectCheckin;
        final UserDefinedType eventType;

        Statements(CqlSession session) {
            claim = session.prepare("INSERT INTO checkin_receipts (device_id, checkin_id, member_id, digest, received_at, feed_position)"
                    + " VALUES (?, ?, ?, ?, ?, ?) IF NOT EXISTS USING TTL ?");
            reposition = session.prepare("UPDATE checkin_receipts USING TTL ? SET feed_position = ?"
                    + " WHERE device_id = ? AND checkin_id = ? IF feed_position = ?");
            selectReceipt = session.prepare("SELECT received_at FROM checkin_receipts WHERE device_id = ? AND checkin_id = ?");
            insertCheckin = session.prepare("INSERT INTO checkins (" + RAW_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) USING TTL ?");
            insertState = session.prepare("INSERT INTO device_state (device_id, checkin_id, received_at, client_time, app_version, os,"
                    + " battery_percent, network_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?) USING TTL ? AND TIMESTAMP ?");
            selectCheckin = session.prepare("SELECT " + RAW_COLUMNS + " FROM checkins"
                    + " WHERE device_id = ? AND day = ? AND received_at = ? AND checkin_id = ?");
            eventType = (UserDefinedType) ((ListType) insertCheckin.getVariableDefinitions().get("events").getType()).getElementType();
        }

        UdtValue event(ActivityEvent event) {
            return eventType.newValue()
                    .setString("type", event.type())
                    .setInstant("occurred_at", event.occurredAt())
                    .setMap("attributes", event.attributes(), String.class, String.class);
        }
    }
}
