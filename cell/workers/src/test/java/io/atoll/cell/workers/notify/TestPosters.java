package io.atoll.cell.workers.notify;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/** The channels' sender as the application makes it, with timeouts short enough for tests. */
final class TestPosters {
    static final Duration REQUEST_TIMEOUT = Duration.ofMillis(700);

    private TestPosters() {
    }

    static NotificationPoster poster() {
        return new NotificationPoster(new NotificationHttpSettings(Duration.ofSeconds(1), REQUEST_TIMEOUT), ObjectMapper.getDefault());
    }

    /** A JSON object as a receiver reads it. */
    static Map<String, Object> parsed(byte[] json) throws IOException {
        return ObjectMapper.getDefault().readValue(json, Argument.mapOf(String.class, Object.class));
    }
}
