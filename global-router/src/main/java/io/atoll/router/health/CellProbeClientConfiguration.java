package io.atoll.router.health;

import io.atoll.router.config.HealthSettings;
import io.micronaut.http.client.HttpClientConfiguration;
import jakarta.inject.Singleton;

/**
 * The HTTP client of the readiness probes: connecting and the whole answer must each take at most the probe
 * timeout, and the client enforces it itself. A timeout put on top of the client's answer instead would abandon
 * the probe while the client still waits, and the client's late failure — a read timeout, a refused connection,
 * a 503 — would then reach no one but Reactor's "dropped error" log, as an ERROR with a stack trace.
 */
@Singleton
final class CellProbeClientConfiguration extends HttpClientConfiguration {
    private final ConnectionPoolConfiguration connectionPool = new ConnectionPoolConfiguration();

    CellProbeClientConfiguration(HealthSettings settings) {
        setConnectTimeout(settings.timeout());
        setReadTimeout(settings.timeout());
    }

    @Override
    public ConnectionPoolConfiguration getConnectionPoolConfiguration() {
        return connectionPool;
    }
}
