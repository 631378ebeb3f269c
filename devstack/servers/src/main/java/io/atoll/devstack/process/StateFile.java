package io.atoll.devstack.process;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The processes the platform started, kept in {@code state.json} of its state folder so that a later
 * {@code down} or {@code status} (another JVM) stops or reports exactly those and nothing else.
 */
public final class StateFile {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** Every StateFile of this JVM shares one lock: several may name the same file. */
    private static final Object LOCK = new Object();

    private final Path file;

    public StateFile(Path stateDir) {
        this.file = stateDir.resolve("state.json");
    }

    public Optional<OwnedProcess> find(String component) throws IOException {
        synchronized (LOCK) {
            return Optional.ofNullable(read().get(component));
        }
    }

    public List<OwnedProcess> all() throws IOException {
        synchronized (LOCK) {
            return List.copyOf(read().values());
        }
    }

    public void record(OwnedProcess process) throws IOException {
        synchronized (LOCK) {
            Map<String, OwnedProcess> processes = read();
            processes.put(process.component(), process);
            write(processes);
        }
    }

    public void forget(String component) throws IOException {
        synchronized (LOCK) {
            Map<String, OwnedProcess> processes = read();
            if (processes.remove(component) != null) {
                write(processes);
            }
        }
    }

    private Map<String, OwnedProcess> read() throws IOException {
        if (!Files.exists(file)) {
            return new TreeMap<>();
        }
        return new TreeMap<>(JSON.readValue(file.toFile(), new TypeReference<Map<String, OwnedProcess>>() { }));
    }

    private void write(Map<String, OwnedProcess> processes) throws IOException {
        Files.createDirectories(file.getParent());
        Path next = file.resolveSibling("state.json.next");
        JSON.writeValue(next.toFile(), processes);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
