package io.atoll.cell.workers.domain.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading JSON objects as they arrive from storage and from the job programs (maps, lists, strings, numbers,
 * booleans, nulls), where a missing or mistyped value is simply absent.
 */
public final class JsonValues {
    private JsonValues() {
    }

    /** An unmodifiable copy that keeps null values (JSON has them; {@link Map#copyOf} refuses them). */
    public static Map<String, Object> copyOf(Map<String, Object> object) {
        return object == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(object));
    }

    public static Optional<String> text(Map<String, Object> object, String name) {
        return object.get(name) instanceof String value && !value.isBlank() ? Optional.of(value) : Optional.empty();
    }

    public static Optional<Long> number(Map<String, Object> object, String name) {
        return object.get(name) instanceof Number value ? Optional.of(value.longValue()) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    public static Optional<Map<String, Object>> object(Map<String, Object> object, String name) {
        return object.get(name) instanceof Map<?, ?> value ? Optional.of((Map<String, Object>) value) : Optional.empty();
    }

    /** The objects of a list, skipping anything else in it. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> objects(Map<String, Object> object, String name) {
        List<Map<String, Object>> objects = new ArrayList<>();
        if (object.get(name) instanceof List<?> values) {
            for (Object value : values) {
                if (value instanceof Map<?, ?> map) {
                    objects.add((Map<String, Object>) map);
                }
            }
        }
        return objects;
    }

    /** The strings of a list, skipping anything else in it. */
    public static List<String> texts(Map<String, Object> object, String name) {
        List<String> texts = new ArrayList<>();
        if (object.get(name) instanceof List<?> values) {
            for (Object value : values) {
                if (value instanceof String text) {
                    texts.add(text);
                }
            }
        }
        return texts;
    }
}
