package io.atoll.dataaccess.config;

import io.atoll.dataaccess.domain.audit.DriftMode;
import io.micronaut.context.annotation.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * How the drift audit runs.
 *
 * @param scopes the directory of the scope files (the definition) the cells' databases are audited against
 * @param mode {@code correct} (apply the definition again) or {@code report}
 * @param interval how long after one audit of every cell the next begins
 * @param lockTimeout how long working out what the definition makes of a database may wait for storage's tables
 */
@ConfigurationProperties("atoll.data-access.audit")
public record AuditSettings(Path scopes, String mode, Duration interval, Duration lockTimeout) {
    public AuditSettings {
        requireNonNull(scopes, "atoll.data-access.audit.scopes is not set");
        DriftMode.of(requireNonNull(mode, "atoll.data-access.audit.mode is not set"));
        positive("interval", interval);
        positive("lock-timeout", lockTimeout);
    }

    public DriftMode driftMode() {
        return DriftMode.of(mode);
    }

    private static void positive(String name, Duration duration) {
        if (requireNonNull(duration, "atoll.data-access.audit." + name + " is not set").isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("atoll.data-access.audit." + name + " must be positive, not " + duration);
        }
    }
}
