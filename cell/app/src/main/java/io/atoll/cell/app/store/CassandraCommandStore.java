package io.atoll.cell.app.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import io.atoll.cell.app.domain.command.CommandStatus;
import io.atoll.cell.app.domain.command.CommandStore;
import io.atoll.cell.app.domain.command.DeviceCommand;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/** Commands in {@code device_commands}, one partition per device; completion and moves are lightweight transactions. */
@Singleton
final class CassandraCommandStore implements CommandStore {
    private static final String COLUMNS = "device_id, command_id, type, arguments, issued_by, status, completed_at, result_detail,"
            + " feed_position, published";

    private final CassandraConnection cassandra;
    private final Clock clock;
    private final Supplier<Statements> statements;

    CassandraCommandStore(CassandraConnection cassandra, Clock clock) {
        this.cassandra = requireNonNull(cassandra, "cassandra is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.statements = cassandra.onceConnected(Statements::new);
    }

    @Override
    public void insert(DeviceCommand command, Duration keepFor) {
        cassandra.execute(statements.get().insert.bind(command.deviceId(), command.id(), command.type(), command.arguments(), command.issuedBy(),
                command.status().wireName(), ttl(command.id(), keepFor)).setIdempotent(true));
    }

    @Override
    public CompletableFuture<List<DeviceCommand>> ofDevice(UUID deviceId) {
        // The partition is bounded (retention, queue limit): one page holds it.
        return cassandra.executeAsync(statements.get().selectOfDevice.bind(deviceId))
                .thenApply(rows -> StreamSupport.stream(rows.currentPage().spliterator(), false).map(CassandraCommandStore::command).toList());
    }

    @Override
    public Optional<DeviceCommand> find(UUID deviceId, UUID commandId) {
        return Optional.ofNullable(cassandra.execute(statements.get().selectOne.bind(deviceId, commandId)).one()).map(CassandraCommandStore::command);
    }

    @Override
    public Optional<DeviceCommand> complete(UUID deviceId, UUID commandId, CommandStatus outcome, Instant at, String detail,
                                            UUID feedPosition, Duration keepFor) {
        cassandra.execute(Binding.bindSkippingNulls(statements.get().complete, ttl(commandId, keepFor), outcome.wireName(), at, detail,
                feedPosition, deviceId, commandId));
        return find(deviceId, commandId);
    }

    @Override
    public UUID reposition(UUID deviceId, UUID commandId, UUID expected, UUID replacement, Duration keepFor) {
        ResultSet moved = cassandra.execute(statements.get().reposition.bind(ttl(commandId, keepFor), replacement, deviceId, commandId, expected));
        return moved.wasApplied() ? replacement : moved.one().getUuid("feed_position");
    }

    @Override
    public void markPublished(UUID deviceId, UUID commandId, Duration keepFor) {
        cassandra.execute(statements.get().markPublished.bind(ttl(commandId, keepFor), deviceId, commandId).setIdempotent(true));
    }

    private int ttl(UUID commandId, Duration keepFor) {
        return TimeToLive.remaining(commandId, keepFor, clock.instant());
    }

    private static DeviceCommand command(Row row) {
        return new DeviceCommand(row.getUuid("device_id"), row.getUuid("command_id"), row.getString("type"),
                row.getMap("arguments", String.class, String.class), row.getString("issued_by"), CommandStatus.ofWireName(row.getString("status")),
                row.getInstant("completed_at"), row.getString("result_detail"), row.getUuid("feed_position"), row.getBoolean("published"));
    }

    private static final class Statements {
        final PreparedStatement insert;
        final PreparedStatement selectOfDevice;
        final PreparedStatement selectOne;
        final PreparedStatement complete;
        final PreparedStatement reposition;
        final PreparedStatement markPublished;

        Statements(CqlSession session) {
            insert = session.prepare("INSERT INTO device_commands (device_id, command_id, type, arguments, issued_by, status)"
                    + " VALUES (?, ?, ?, ?, ?, ?) USING TTL ?");
            selectOfDevice = session.prepare("SELECT " + COLUMNS + " FROM device_commands WHERE device_id = ?");
            selectOne = session.prepare("SELECT " + COLUMNS + " FROM device_commands WHERE device_id = ? AND command_id = ?");
            complete = session.prepare("UPDATE device_commands USING TTL ? SET status = ?, completed_at = ?, result_detail = ?, feed_position = ?"
                    + " WHERE device_id = ? AND command_id = ? IF status = 'pending'");
            reposition = session.prepare("UPDATE device_commands USING TTL ? SET feed_position = ? WHERE device_id = ? AND command_id = ?"
                    + " IF feed_position = ?");
            markPublished = session.prepare("UPDATE device_commands USING TTL ? SET published = true WHERE device_id = ? AND command_id = ?");
        }
    }
}
