package io.atoll.cell.workers.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.atoll.cell.workers.domain.pipeline.JsonCodec;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** JSON objects through Micronaut's serialization, with a check that a program printed exactly one object. */
@Singleton
public final class SerdeJsonCodec implements JsonCodec {
    private static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);
    private static final JsonFactory TOKENS = new JsonFactory();

    private final ObjectMapper mapper;

    public SerdeJsonCodec(ObjectMapper mapper) {
        this.mapper = requireNonNull(mapper, "mapper is null");
    }

    @Override
    public Map<String, Object> readObject(String json) {
        requireNonNull(json, "json is null");
        try (JsonParser parser = TOKENS.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException(first == null ? "it is empty" : "it starts with " + first + ", not an object");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("more follows the object");
            }
        } catch (JsonProcessingException malformed) {
            throw new IllegalArgumentException("it is not valid JSON: " + malformed.getOriginalMessage(), malformed);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        try {
            return mapper.readValue(json, OBJECT);
        } catch (IOException malformed) {
            throw new IllegalArgumentException("it is not valid JSON: " + malformed.getMessage(), malformed);
        }
    }

    @Override
    public String write(Map<String, Object> object) {
        try {
            return mapper.writeValueAsString(object);
        } catch (IOException impossible) {
            throw new IllegalStateException("cannot write a map as JSON", impossible);
        }
    }
}
