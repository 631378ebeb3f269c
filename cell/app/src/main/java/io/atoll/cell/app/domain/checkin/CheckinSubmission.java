package io.atoll.cell.app.domain.checkin;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * One check-in as a device sent it.
 *
 * @param checkinId chosen by the device; sending the same id again is a retry of the same check-in
 * @param clientTime the device's clock when it made the check-in
 */
public record CheckinSubmission(UUID checkinId, Instant clientTime, DeviceReport state, List<ActivityEvent> events) {
    public CheckinSubmission {
        requireNonNull(checkinId, "checkinId is null");
        requireNonNull(clientTime, "clientTime is null");
        requireNonNull(state, "state is null");
        events = List.copyOf(events);
    }

    /**
     * A SHA-256 of everything the check-in says, field by field with lengths, so a retry can be told from
     * a different check-in that reuses the id. Hexadecimal.
     */
    public String digest() {
        MessageDigest sha256 = sha256();
        update(sha256, checkinId.toString());
        update(sha256, clientTime.toString());
        update(sha256, state.appVersion());
        update(sha256, state.os());
        update(sha256, String.valueOf(state.batteryPercent()));
        update(sha256, state.networkType().name());
        for (ActivityEvent event : events) {
            update(sha256, event.type());
            update(sha256, event.occurredAt().toString());
            Map<String, String> sorted = new TreeMap<>(event.attributes());
            sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(sorted.size()).array());
            sorted.forEach((key, value) -> {
                update(sha256, key);
                update(sha256, value);
            });
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static void update(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
