package io.atoll.router.proxy;

import io.atoll.edge.EdgeServer;
import io.atoll.edge.ProblemResponses;
import io.atoll.router.config.DataPlaneSettings;
import io.atoll.router.health.ReadinessProber;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.http.netty.channel.EventLoopGroupFactory;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * The data plane: the mobile API's listener, in front of every cell. It is the edge under the router's
 * {@link CellRoutingPolicy}, on event loops of its own, apart from the admin server.
 */
@Singleton
public final class DataPlaneServer implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(DataPlaneServer.class);

    private final DataPlaneSettings settings;
    private final EventLoopGroupFactory transports;
    private final ReadinessProber prober;
    private final CellRoutingPolicy policy;
    private final ProblemResponses problems;
    private EdgeServer edge;

    DataPlaneServer(DataPlaneSettings settings, EventLoopGroupFactory transports, ReadinessProber prober,
                    CellRoutingPolicy policy, ProblemResponses problems) {
        this.settings = settings;
        this.transports = transports;
        this.prober = prober;
        this.policy = policy;
        this.problems = problems;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        start();
    }

    /** The port the data plane listens on. */
    public synchronized int port() {
        if (edge == null) {
            throw new IllegalStateException("the data plane is not listening");
        }
        return edge.port();
    }

    private synchronized void start() {
        // Route the first requests by what the probes found, not by guesswork.
        prober.probeAllAndWait();
        edge = EdgeServer.start("data-plane", new EdgeServer.Settings(settings.host(), settings.port(), settings.connectTimeout(),
                settings.readTimeout(), settings.clientIdleTimeout(), settings.maxIdleConnectionsPerCell(), settings.idleConnectionTimeout(),
                settings.threads()), transports, policy, problems, CellAccessLog::new);
        LOG.info("Data plane listening on {}:{} with {} threads", settings.host(), edge.port(), edge.threads());
    }

    @PreDestroy
    synchronized void stop() {
        if (edge != null) {
            edge.stop();
            edge = null;
        }
    }
}
