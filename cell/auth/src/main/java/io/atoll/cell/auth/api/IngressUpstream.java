package io.atoll.cell.auth.api;

import io.atoll.cell.auth.config.AuthSettings;
import io.atoll.cell.auth.domain.RequestAuthorizer;
import io.atoll.edge.ProblemResponses;
import io.atoll.edge.UpstreamConnections;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.client.HttpClientConfiguration;
import io.micronaut.http.server.HttpServerConfiguration;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the {@link IngressProxyHandler} of every connection shares: the app's address, a pool of connections to it
 * per event loop, the deciding parts of the service and the proxy's counters. Timeouts are the HTTP client's
 * ({@code micronaut.http.client.connect-timeout} and {@code read-timeout}), so both ways through the proxy
 * behave alike.
 */
@Singleton
final class IngressUpstream {
    private static final int MAX_IDLE_CONNECTIONS_PER_LOOP = 64;
    private static final Duration IDLE_CONNECTION_TIMEOUT = Duration.ofSeconds(30);

    private final URI url;
    private final RequestAuthorizer authorizer;
    private final Decisions decisions;
    private final ProblemResponses problems;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final long maxRequestBytes;
    private final Counter forwarded;
    private final Counter failed;
    private final Map<EventLoop, UpstreamConnections> connectionsByLoop = new ConcurrentHashMap<>();

    IngressUpstream(AuthSettings settings, RequestAuthorizer authorizer, Decisions decisions, ProblemResponses problems,
                    HttpClientConfiguration client, HttpServerConfiguration server, MeterRegistry registry) {
        this.url = settings.upstreamUrl();
        this.authorizer = authorizer;
        this.decisions = decisions;
        this.problems = problems;
        this.connectTimeout = client.getConnectTimeout().orElse(Duration.ofSeconds(2));
        this.readTimeout = client.getReadTimeout().orElse(Duration.ofSeconds(60));
        this.maxRequestBytes = server.getMaxRequestSize();
        this.forwarded = Counter.builder("atoll.auth.ingress.pipeline.forwarded")
                .description("Requests forwarded to the app from the connection pipeline, ahead of the framework").register(registry);
        this.failed = Counter.builder("atoll.auth.ingress.pipeline.upstream.failures")
                .description("Requests forwarded from the pipeline that the app did not answer (502, 504, or a cut connection)")
                .register(registry);
    }

    URI url() {
        return url;
    }

    RequestAuthorizer authorizer() {
        return authorizer;
    }

    Decisions decisions() {
        return decisions;
    }

    ProblemResponses problems() {
        return problems;
    }

    Duration readTimeout() {
        return readTimeout;
    }

    /** The server's {@code micronaut.server.max-request-size}, which the framework enforces on what it is given. */
    long maxRequestBytes() {
        return maxRequestBytes;
    }

    void forwarded() {
        forwarded.increment();
    }

    void failed() {
        failed.increment();
    }

    /** The pool of the client connection's event loop, so that both ends of an exchange share one thread. */
    UpstreamConnections connectionsFor(Channel client) {
        // The client's own channel class: a socket of the transport the server's event loops run.
        return connectionsByLoop.computeIfAbsent(client.eventLoop(), loop -> new UpstreamConnections(loop, client.getClass(),
                connectTimeout, MAX_IDLE_CONNECTIONS_PER_LOOP, IDLE_CONNECTION_TIMEOUT));
    }

    @PreDestroy
    void close() {
        connectionsByLoop.values().forEach(connections -> connections.loop().execute(connections::closeAll));
    }
}
