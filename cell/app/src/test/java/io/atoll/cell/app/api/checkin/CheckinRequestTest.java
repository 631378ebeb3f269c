package io.atoll.cell.app.api.checkin;

import io.atoll.cell.app.domain.Refusal;
import io.atoll.cell.app.domain.RefusedException;
import io.atoll.cell.app.domain.checkin.ActivityEvent;
import io.atoll.cell.app.domain.checkin.CheckinSubmission;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CheckinRequestTest {
    private static final Instant AT = Instant.parse("2026-11-21T12:00:00Z");
    private static final DeviceStateReport STATE = new DeviceStateReport("4.2.0", "Android 15", 80, "wifi");

    @Test
    void eventsWithinTheLimitsBecomeTheSubmissionsEvents() {
        Map<String, String> attributes = attributes(15, "v".repeat(512));
        attributes.put("k".repeat(64), "home");

        CheckinSubmission submission = request(new ActivityEventReport("screen_view", AT, attributes),
                new ActivityEventReport("app.open_2", AT, null)).toSubmission();

        assertThat(submission.events()).containsExactly(new ActivityEvent("screen_view", AT, attributes), new ActivityEvent("app.open_2", AT, Map.of()));
    }

    @Test
    void eachRuleBreakIsABadRequestNamingTheEventAndField() {
        assertRefused(request(new ActivityEventReport("screen_view", AT, null), null), "events[1] is null");
        assertRefused(request(new ActivityEventReport(null, AT, null)), "events[0].type must be");
        assertRefused(request(new ActivityEventReport("Bad Type!", AT, null)), "events[0].type must be");
        assertRefused(request(new ActivityEventReport("x".repeat(65), AT, null)), "events[0].type must be");
        assertRefused(request(new ActivityEventReport("screen_view", null, null)), "events[0].occurredAt is missing");
        assertRefused(request(new ActivityEventReport("screen_view", AT, attributes(17, "v"))), "events[0].attributes has 17 entries");
        assertRefused(request(new ActivityEventReport("screen_view", AT, Map.of(" ", "v"))), "events[0].attributes: a name");
        assertRefused(request(new ActivityEventReport("screen_view", AT, Map.of("k".repeat(65), "v"))), "events[0].attributes: a name");
        assertRefused(request(new ActivityEventReport("screen_view", AT, Map.of("screen", "v".repeat(513)))), "events[0].attributes.screen must be");
        assertRefused(request(new ActivityEventReport("screen_view", AT, withNullValue())), "events[0].attributes.screen must be");
    }

    private static void assertRefused(CheckinRequest request, String detailStart) {
        RefusedException refused = catchThrowableOfType(RefusedException.class, request::toSubmission);

        assertThat(refused).as(detailStart).isNotNull();
        assertThat(refused.refusal()).isEqualTo(Refusal.BAD_REQUEST);
        assertThat(refused.getMessage()).startsWith(detailStart);
    }

    private static CheckinRequest request(ActivityEventReport... events) {
        return new CheckinRequest(UUID.randomUUID(), AT, STATE, Arrays.asList(events));
    }

    private static Map<String, String> attributes(int count, String value) {
        return IntStream.range(0, count).boxed().collect(Collectors.toMap(i -> "a" + i, i -> value, (a, b) -> a, HashMap::new));
    }

    private static Map<String, String> withNullValue() {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("screen", null);
        return attributes;
    }
}
