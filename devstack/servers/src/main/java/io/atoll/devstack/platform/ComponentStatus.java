package io.atoll.devstack.platform;

import io.atoll.devstack.server.Endpoint;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * One line of {@code status}.
 *
 * @param name the component
 * @param endpoint where it listens
 * @param state how it is doing
 * @param owned whether the platform started it (and {@code down} will stop it)
 * @param pid its process, when owned
 * @param log its log file, when owned
 * @param details what else it reports when ready, by name (see {@link io.atoll.devstack.server.Server#details()})
 */
public record ComponentStatus(String name, Endpoint endpoint, ComponentState state, boolean owned, OptionalLong pid,
                              Optional<Path> log, Map<String, Object> details) {
    public ComponentStatus {
        requireNonNull(name, "name is null");
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(state, "state is null");
        requireNonNull(pid, "pid is null");
        requireNonNull(log, "log is null");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** A component that reports nothing beside its state. */
    public ComponentStatus(String name, Endpoint endpoint, ComponentState state, boolean owned, OptionalLong pid, Optional<Path> log) {
        this(name, endpoint, state, owned, pid, log, Map.of());
    }
}
