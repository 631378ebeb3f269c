package io.atoll.cell.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Check-in bodies as a device sends them. */
public final class Checkins {
    private Checkins() {
    }

    /** A check-in with the given number of events, all timestamped now. */
    public static Map<String, Object> body(UUID checkinId, int events) {
        return body(checkinId, Instant.now(), events);
    }

    public static Map<String, Object> body(UUID checkinId, Instant clientTime, int events) {
        List<Map<String, Object>> activity = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            activity.add(Map.of("type", "screen_view", "occurredAt", clientTime.minusSeconds(events - i).toString(),
                    "attributes", Map.of("screen", "screen-" + i)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("checkinId", checkinId.toString());
        body.put("clientTime", clientTime.toString());
        body.put("state", Map.of("appVersion", "3.2.1", "os", "Android 14", "batteryPercent", 81, "networkType", "wifi"));
        body.put("events", activity);
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }
}
