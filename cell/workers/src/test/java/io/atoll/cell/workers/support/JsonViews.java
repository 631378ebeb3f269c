package io.atoll.cell.workers.support;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Storage's answers and the broker's messages as the tests read them: untyped maps and lists. */
public final class JsonViews {
    private static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);

    private JsonViews() {
    }

    public static Map<String, Object> decode(byte[] json) {
        try {
            return ObjectMapper.getDefault().readValue(json, OBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> decode(String json) {
        return decode(json.getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> objects(Object value) {
        return (List<Map<String, Object>>) value;
    }

    /** The job of this kind in a request as storage shows it. */
    public static Map<String, Object> job(Map<String, Object> request, String kind) {
        return objects(request.get("jobs")).stream().filter(job -> kind.equals(job.get("kind"))).findFirst().orElseThrow();
    }
}
