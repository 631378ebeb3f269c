package io.atoll.devstack.process;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A server process this platform started, as recorded in its state file: enough to find it again,
 * to tell whether it is still the same process, and to stop it.
 *
 * @param component the component's name
 * @param pid the process id
 * @param startedAt when the process started, as the OS reports it; a different start time means the pid was reused
 * @param log the file the process writes its output to
 * @param details what the server needs to stop it (node names, directories)
 */
public record OwnedProcess(String component, long pid, Instant startedAt, Path log, Map<String, String> details) {
    public OwnedProcess {
        requireNonNull(component, "component is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(log, "log is null");
        details = Map.copyOf(details);
    }

    public static OwnedProcess of(String component, ProcessHandle process, Path log, Map<String, String> details) {
        Instant started = process.info().startInstant().orElse(Instant.EPOCH);
        return new OwnedProcess(component, process.pid(), started, log, details);
    }

    /** The live process this record names, if it still runs (and its pid was not reused since). */
    public Optional<ProcessHandle> live() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().startInstant().map(startedAt::equals).orElse(false));
    }

    public String detail(String key) {
        String value = details.get(key);
        if (value == null) {
            throw new IllegalStateException(component + " record has no '" + key + "'");
        }
        return value;
    }
}
