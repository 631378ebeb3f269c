package io.atoll.cell.app.config;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.config.DeserializationConfiguration;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;

import static java.util.Objects.requireNonNull;

/**
 * JSON as the cell's other services write it (storage's answers, the cell's events). Unlike members' requests,
 * which must not carry fields the app does not know, these may: a service adds a field before the app reads it.
 */
@Singleton
public final class ServiceJson {
    private final ObjectMapper mapper;

    public ServiceJson(ObjectMapper mapper, DeserializationConfiguration deserialization) {
        this.mapper = requireNonNull(mapper, "mapper is null").cloneWithConfiguration(null, null, new ToleratingUnknownFields(deserialization));
    }

    public <T> T read(InputStream json, Argument<T> type) throws IOException {
        return mapper.readValue(json, type);
    }

    public <T> T read(byte[] json, Argument<T> type) throws IOException {
        return mapper.readValue(json, type);
    }

    public byte[] write(Object value) throws IOException {
        return mapper.writeValueAsBytes(value);
    }

    private record ToleratingUnknownFields(DeserializationConfiguration base) implements DeserializationConfiguration {
        @Override
        public boolean isIgnoreUnknown() {
            return true;
        }

        @Override
        public int getArraySizeThreshold() {
            return base.getArraySizeThreshold();
        }

        @Override
        public boolean isStrictNullable() {
            return base.isStrictNullable();
        }

        @Override
        public boolean isFailOnNullForPrimitives() {
            return base.isFailOnNullForPrimitives();
        }

        @Override
        public boolean isSubtypesRequireDefaultImpl() {
            return base.isSubtypesRequireDefaultImpl();
        }

        @Override
        public boolean acceptCaseInsensitiveEnums() {
            return base.acceptCaseInsensitiveEnums();
        }
    }
}
