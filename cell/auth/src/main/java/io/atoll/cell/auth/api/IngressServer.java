package io.atoll.cell.auth.api;

import io.atoll.cell.auth.config.AuthSettings;
import io.atoll.cell.auth.config.CellSettings;
import io.atoll.cell.auth.config.IngressSettings;
import io.atoll.cell.auth.domain.RequestAuthorizer;
import io.atoll.edge.EdgeServer;
import io.atoll.edge.ProblemResponses;
import io.atoll.edge.Upstream;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.http.netty.channel.EventLoopGroupFactory;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;

/**
 * The cell's ingress: the public listener of the cell, the edge under the {@link IngressPolicy}, on event loops of its
 * own. It starts once the Micronaut server that serves the service's own endpoints is up, since those are one of its
 * two upstreams (the app is the other).
 */
@Singleton
final class IngressServer implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(IngressServer.class);
    private static final int MAX_IDLE_CONNECTIONS_PER_UPSTREAM = 64;
    /** Below the app's and Micronaut's own idle timeouts, so that the ingress never sends on a connection they are closing. */
    private static final Duration IDLE_CONNECTION_TIMEOUT = Duration.ofSeconds(30);

    private final IngressSettings settings;
    private final AuthSettings auth;
    private final String cellId;
    private final EventLoopGroupFactory transports;
    private final RequestAuthorizer authorizer;
    private final Decisions decisions;
    private final ProblemResponses problems;
    private final long maxRequestBytes;
    private final IngressPolicy.Counters counters;
    private EdgeServer edge;

    IngressServer(IngressSettings settings, AuthSettings auth, CellSettings cell, EventLoopGroupFactory transports,
                  RequestAuthorizer authorizer, Decisions decisions, ProblemResponses problems, HttpServerConfiguration server,
                  MeterRegistry registry) {
        this.settings = settings;
        this.auth = auth;
        this.cellId = cell.id();
        this.transports = transports;
        this.authorizer = authorizer;
        this.decisions = decisions;
        this.problems = problems;
        this.maxRequestBytes = server.getMaxRequestSize();
        this.counters = new IngressPolicy.Counters(
                Counter.builder("atoll.auth.ingress.forwarded").description("Requests the app answered through the ingress").register(registry),
                Counter.builder("atoll.auth.ingress.upstream.failures")
                        .description("Requests passed on to the app that it did not answer (502, 504, or a cut connection)").register(registry),
                Counter.builder("atoll.auth.ingress.decided.from.memory")
                        .description("Decisions of the ingress and forward-auth taken without verifying a signature").register(registry));
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        start(URI.create("http://127.0.0.1:" + event.getSource().getPort()));
    }

    private synchronized void start(URI ownEndpoints) {
        IngressPolicy policy = new IngressPolicy(authorizer, decisions, problems, new Upstream(auth.upstreamUrl(), "the upstream service"),
                new Upstream(ownEndpoints, "the auth service"), maxRequestBytes, auth.ownRequestMaxBytes(), counters);
        edge = EdgeServer.start("ingress", new EdgeServer.Settings(settings.host(), settings.port(), settings.connectTimeout(),
                settings.readTimeout(), settings.clientIdleTimeout(), MAX_IDLE_CONNECTIONS_PER_UPSTREAM, IDLE_CONNECTION_TIMEOUT,
                settings.threads()), transports, policy, problems, () -> new IngressAccessLog(cellId));
        LOG.info("Ingress listening on {}:{} with {} threads, in front of {} and {}", settings.host(), edge.port(), edge.threads(),
                auth.upstreamUrl(), ownEndpoints);
    }

    @PreDestroy
    synchronized void stop() {
        if (edge != null) {
            edge.stop();
            edge = null;
        }
    }
}
