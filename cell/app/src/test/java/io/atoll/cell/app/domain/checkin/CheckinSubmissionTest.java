package io.atoll.cell.app.domain.checkin;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CheckinSubmissionTest {
    private static final UUID ID = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void theSameContentHasTheSameDigestWhateverTheOrderOfAttributes() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", "2");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");

        assertThat(checkin("3.0", 50, List.of(new ActivityEvent("tap", AT, ab))).digest())
                .isEqualTo(checkin("3.0", 50, List.of(new ActivityEvent("tap", AT, ba))).digest())
                .hasSize(64);
    }

    @Test
    void anyDifferenceChangesTheDigest() {
        String original = checkin("3.0", 50, List.of(new ActivityEvent("tap", AT, Map.of("a", "1")))).digest();

        assertThat(List.of(
                checkin("3.1", 50, List.of(new ActivityEvent("tap", AT, Map.of("a", "1")))).digest(),
                checkin("3.0", null, List.of(new ActivityEvent("tap", AT, Map.of("a", "1")))).digest(),
                checkin("3.0", 50, List.of(new ActivityEvent("tap", AT, Map.of("a", "2")))).digest(),
                checkin("3.0", 50, List.of(new ActivityEvent("tap", AT.plusMillis(1), Map.of("a", "1")))).digest(),
                checkin("3.0", 50, List.of(new ActivityEvent("tap", AT, Map.of("a", "1")), new ActivityEvent("tap", AT, Map.of()))).digest(),
                // Field boundaries count: "ab" + "" is not "a" + "b".
                checkin("3.0", 50, List.of(new ActivityEvent("tap", AT, Map.of("a1", "")))).digest()))
                .doesNotContain(original)
                .doesNotHaveDuplicates();
    }

    private static CheckinSubmission checkin(String appVersion, Integer battery, List<ActivityEvent> events) {
        return new CheckinSubmission(ID, AT, new DeviceReport(appVersion, "Android 14", battery, NetworkType.WIFI), events);
    }
}
