package io.atoll.router.store;

import io.atoll.router.config.RegistrySettings;
import io.atoll.router.domain.CellRegistry;
import io.atoll.router.domain.CurrentRegistry;
import io.atoll.router.domain.InvalidRegistryException;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

/**
 * Reloads the registry when its file changes. A file that cannot be used is rejected with one log line and
 * the last good registry stays in force: the data plane never depends on the control plane being right.
 * The file is read and compared whole (it is small), which also catches the atomic renames and symlink
 * swaps of mounted configuration that file-system events miss.
 */
@Singleton
public final class RegistryFileWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryFileWatcher.class);

    private final Path file;
    private final JsonMapper json;
    private final CurrentRegistry current;
    private final Clock clock;
    private byte[] lastSeen;

    RegistryFileWatcher(RegistrySettings settings, JsonMapper json, CurrentRegistry current, Clock clock) {
        this.file = settings.file().toAbsolutePath();
        this.json = json;
        this.current = current;
        this.clock = clock;
    }

    /** Reads the registry the router starts with; without a usable one it cannot start. */
    static CellRegistry load(Path file, JsonMapper json) {
        try {
            return RegistryDocument.parse(json, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the cell registry file " + file.toAbsolutePath() + ": " + e);
        } catch (InvalidRegistryException e) {
            throw new IllegalStateException("the cell registry file " + file.toAbsolutePath() + " is invalid: " + e.getMessage());
        }
    }

    @Scheduled(fixedDelay = "${atoll.router.registry.reload-interval}", initialDelay = "${atoll.router.registry.reload-interval}")
    synchronized void reloadIfChanged() {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            rejectOnce(new byte[0], "it cannot be read (" + e + ")");
            return;
        }
        if (lastSeen != null && Arrays.equals(content, lastSeen)) {
            return;
        }
        try {
            CellRegistry registry = RegistryDocument.parse(json, content);
            lastSeen = content;
            if (registry.cells().equals(current.get().cells())) {
                current.clearRejection();
                return;
            }
            current.replace(registry, clock.instant());
            LOG.info("Cell registry reloaded from {}: {}", file, registry.cells().stream()
                    .map(cell -> cell.id() + " (" + cell.region() + ", " + cell.ingressUrl() + ", " + cell.state().value() + ")").toList());
        } catch (InvalidRegistryException e) {
            rejectOnce(content, e.getMessage());
        }
    }

    private void rejectOnce(byte[] content, String reason) {
        if (lastSeen != null && Arrays.equals(content, lastSeen)) {
            return;
        }
        lastSeen = content;
        current.reject(reason, clock.instant());
        LOG.error("Cell registry file {} rejected, still routing by the registry loaded at {}: {}", file, current.loadedAt(), reason);
    }
}
