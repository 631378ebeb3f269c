package io.atoll.cell.storage.store;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * JSON objects in {@code jsonb} columns: written as text and cast ({@code ?::jsonb}), read as text
 * ({@code column::text}).
 */
@Singleton
final class JsonColumns {
    private static final Argument<Map<String, Object>> JSON_OBJECT = Argument.mapOf(String.class, Object.class);

    private final ObjectMapper json;

    JsonColumns(ObjectMapper json) {
        this.json = requireNonNull(json, "json is null");
    }

    String write(Map<String, Object> object) {
        try {
            return json.writeValueAsString(object);
        } catch (IOException e) {
            throw new UncheckedIOException("a JSON object cannot be written", e);
        }
    }

    Optional<String> write(Optional<Map<String, Object>> object) {
        return object.map(this::write);
    }

    Map<String, Object> read(ResultSet row, String column) throws SQLException {
        return optional(row, column).orElseThrow(() -> new IllegalStateException(column + " is null"));
    }

    Optional<Map<String, Object>> optional(ResultSet row, String column) throws SQLException {
        String text = row.getString(column);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(text, JSON_OBJECT));
        } catch (IOException e) {
            throw new UncheckedIOException(column + " is not a JSON object", e);
        }
    }
}
