package io.atoll.cell.storage.domain;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON objects storage keeps as its callers sent them (a job's spec, its result, a request's summary), as the
 * serializer reads them: maps, lists, strings, numbers, booleans and nulls.
 */
public final class JsonValues {
    private JsonValues() {
    }

    /** An unmodifiable copy; unlike {@link Map#copyOf} it keeps null values, which JSON allows. */
    public static Map<String, Object> copyOf(Map<String, Object> object) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(object));
    }

    /**
     * One text per JSON value, whatever order its objects' members came in and however its numbers were spelled
     * ({@code 1}, {@code 1.0}): for telling whether two bodies say the same. Strings are written with their length
     * first, so no two different values run together into the same text.
     */
    public static String canonical(Object value) {
        StringBuilder text = new StringBuilder();
        append(text, value);
        return text.toString();
    }

    private static void append(StringBuilder text, Object value) {
        if (value == null) {
            text.append('z');
        } else if (value instanceof String string) {
            text.append('s').append(string.length()).append(':').append(string);
        } else if (value instanceof Boolean bool) {
            text.append(bool ? 't' : 'f');
        } else if (value instanceof Number number) {
            text.append('n').append(new BigDecimal(number.toString()).stripTrailingZeros().toPlainString()).append(';');
        } else if (value instanceof Map<?, ?> object) {
            text.append('{');
            new TreeMap<>(object).forEach((key, member) -> {
                append(text, key);
                append(text, member);
            });
            text.append('}');
        } else if (value instanceof List<?> array) {
            text.append('[');
            array.forEach(element -> append(text, element));
            text.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }
}
