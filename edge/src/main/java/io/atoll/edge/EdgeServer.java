package io.atoll.edge;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.EventExecutor;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * An edge's listener: client connections on its event loops, each loop with its own pool of upstream connections,
 * so that a request and its upstream connection share one thread. Each client connection's pipeline is an idle
 * timer, the HTTP codec, the access log and a {@link ClientConnection} under the edge's policy: nothing more, since
 * every request pays for what sits in its path.
 */
public final class EdgeServer {
    private final Settings settings;
    private final Transport transport;
    private final EdgePolicy policy;
    private final ProblemResponses problems;
    private final Supplier<ChannelHandler> accessLog;
    private final Map<EventExecutor, UpstreamConnections> upstreamsByLoop = new HashMap<>();
    private Channel listener;

    /**
     * @param accessLog makes the access log of each client connection
     */
    public EdgeServer(Settings settings, Transport transport, EdgePolicy policy, ProblemResponses problems,
                      Supplier<ChannelHandler> accessLog) {
        this.settings = settings;
        this.transport = transport;
        this.policy = policy;
        this.problems = problems;
        this.accessLog = accessLog;
    }

    /** Starts listening; returns once the port is bound. */
    public synchronized void start() {
        for (EventExecutor loop : transport.loops()) {
            upstreamsByLoop.put(loop, new UpstreamConnections((EventLoop) loop, transport.clientChannel(), settings.connectTimeout(),
                    settings.maxIdleConnectionsPerUpstream(), settings.idleConnectionTimeout()));
        }
        listener = new ServerBootstrap()
                .group(transport.loops())
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        UpstreamConnections upstreams = upstreamsByLoop.get(channel.eventLoop());
                        channel.pipeline().addLast(new IdleStateHandler(settings.clientIdleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS),
                                new HttpServerCodec(), accessLog.get(),
                                new ClientConnection(policy, upstreams, problems, settings.readTimeout()));
                    }
                })
                .bind(settings.host(), settings.port())
                .syncUninterruptibly()
                .channel();
    }

    /** The port the edge listens on. */
    public synchronized int port() {
        if (listener == null) {
            throw new IllegalStateException("the edge is not listening");
        }
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** Stops listening and closes the idle upstream connections; the event loops are the caller's to shut down. */
    public synchronized void stop() {
        if (listener == null) {
            return;
        }
        listener.close().syncUninterruptibly();
        upstreamsByLoop.values().forEach(upstreams -> upstreams.loop().execute(upstreams::closeAll));
        listener = null;
    }

    /**
     * How an edge listens and talks to its upstreams.
     *
     * @param host the address it listens on
     * @param port its port; 0 picks a free one
     * @param connectTimeout how long to wait for a connection to an upstream
     * @param readTimeout how long an upstream may stay silent while a request waits for (more of) its answer, and a
     *                    client while the edge waits for more of its body
     * @param clientIdleTimeout how long a client may send nothing while the edge waits on it: between requests, inside
     *                          a head, or before the start of a body its policy decides by
     * @param maxIdleConnectionsPerUpstream idle connections kept open to each upstream, per event loop
     * @param idleConnectionTimeout how long an idle upstream connection stays open; keep it below the upstream's own
     */
    public record Settings(String host, int port, Duration connectTimeout, Duration readTimeout, Duration clientIdleTimeout,
                           int maxIdleConnectionsPerUpstream, Duration idleConnectionTimeout) {
    }

    /**
     * The event loops and socket types an edge runs on: those of the application it is part of.
     */
    public record Transport(EventLoopGroup loops, Class<? extends ServerChannel> serverChannel,
                            Class<? extends Channel> clientChannel) {
    }
}
