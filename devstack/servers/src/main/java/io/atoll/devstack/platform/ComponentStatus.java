package io.atoll.devstack.platform;

import io.atoll.devstack.server.Endpoint;

import java.nio.file.Path;
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
 */
public record ComponentStatus(String name, Endpoint endpoint, ComponentState state, boolean owned, OptionalLong pid,
                              Optional<Path> log) {
    public ComponentStatus {
        requireNonNull(name, "name is null");
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(state, "state is null");
        requireNonNull(pid, "pid is null");
        requireNonNull(log, "log is null");
    }
}
