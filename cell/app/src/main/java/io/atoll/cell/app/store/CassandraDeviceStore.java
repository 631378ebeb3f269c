package io.atoll.cell.app.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.atoll.cell.app.domain.checkin.NetworkType;
import io.atoll.cell.app.domain.device.Device;
import io.atoll.cell.app.domain.device.DevicePlatform;
import io.atoll.cell.app.domain.device.DeviceState;
import io.atoll.cell.app.domain.device.DeviceStore;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/** Devices in {@code devices_by_member} and {@code devices}, written together; latest states from {@code device_state}. */
@Singleton
final class CassandraDeviceStore implements DeviceStore {
    private static final String COLUMNS = "device_id, member_id, name, platform, registered_at, retired_at";
    /** TTL 0 keeps a row for good. */
    private static final int FOREVER = 0;

    private final CassandraConnection cassandra;
    private final Supplier<Statements> statements;

    CassandraDeviceStore(CassandraConnection cassandra) {
        this.cassandra = requireNonNull(cassandra, "cassandra is null");
        this.statements = cassandra.onceConnected(Statements::new);
    }

    @Override
    public void insert(Device device) {
        write(device, FOREVER);
    }

    @Override
    public void retire(Device retired, Duration keepFor) {
        write(retired, TimeToLive.of(keepFor));
    }

    @Override
    public List<Device> ofMember(String memberId) {
        return cassandra.execute(statements.get().selectOfMember.bind(memberId)).all().stream().map(CassandraDeviceStore::device).toList();
    }

    @Override
    public Optional<Device> find(String memberId, UUID deviceId) {
        return Optional.ofNullable(cassandra.execute(statements.get().selectOfMemberById.bind(memberId, deviceId)).one())
                .map(CassandraDeviceStore::device);
    }

    @Override
    public Optional<Device> find(UUID deviceId) {
        return Optional.ofNullable(cassandra.execute(statements.get().selectById.bind(deviceId)).one()).map(CassandraDeviceStore::device);
    }

    @Override
    public Optional<DeviceState> latestState(UUID deviceId) {
        return Optional.ofNullable(cassandra.execute(statements.get().selectState.bind(deviceId)).one())
                .map(row -> new DeviceState(row.getUuid("checkin_id"), row.getInstant("received_at"), row.getInstant("client_time"),
                        row.getString("app_version"), row.getString("os"),
                        row.isNull("battery_percent") ? null : row.getInt("battery_percent"),
                        NetworkType.ofWireName(row.getString("network_type"))));
    }

    /** Both tables in one logged batch: a device is never in one and missing from the other. */
    private void write(Device device, int ttl) {
        Statements prepared = statements.get();
        Object[] values = {device.id(), device.memberId(), device.name(), device.platform().wireName(), device.registeredAt(),
                device.retiredSince().orElse(null), ttl};
        cassandra.execute(BatchStatement.newInstance(DefaultBatchType.LOGGED,
                Binding.bindSkippingNulls(prepared.insertByMember, values), Binding.bindSkippingNulls(prepared.insertById, values))
                .setIdempotent(true));
    }

    private static Device device(Row row) {
        return new Device(row.getUuid("device_id"), row.getString("member_id"), row.getString("name"),
                DevicePlatform.ofWireName(row.getString("platform")), row.getInstant("registered_at"), row.getInstant("retired_at"));
    }

    private static final class Statements {
        final PreparedStatement insertByMember;
        final PreparedStatement insertById;
        final PreparedStatement selectOfMember;
        final PreparedStatement selectOfMemberById;
        final PreparedStatement selectById;
        final PreparedStatement selectState;

        Statements(CqlSession session) {
            insertByMember = session.prepare("INSERT INTO devices_by_member (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?) USING TTL ?");
            insertById = session.prepare("INSERT INTO devices (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?) USING TTL ?");
            selectOfMember = session.prepare("SELECT " + COLUMNS + " FROM devices_by_member WHERE member_id = ?");
            selectOfMemberById = session.prepare("SELECT " + COLUMNS + " FROM devices_by_member WHERE member_id = ? AND device_id = ?");
            selectById = session.prepare("SELECT " + COLUMNS + " FROM devices WHERE device_id = ?");
            selectState = session.prepare("SELECT checkin_id, received_at, client_time, app_version, os, battery_percent, network_type"
                    + " FROM device_state WHERE device_id = ?");
        }
    }
}
