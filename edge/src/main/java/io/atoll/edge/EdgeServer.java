package io.atoll.edge;

import io.micronaut.http.netty.channel.EventLoopGroupFactory;
import io.micronaut.http.netty.channel.NettyChannelType;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * An edge's listener: client connections on event loops of its own, each loop with its own pool of upstream
 * connections, so that a request and its upstream connection share one thread. Each client connection's pipeline is
 * an idle timer, the HTTP codec, the access log and a {@link ClientConnection} under the edge's policy: nothing more,
 * since every request pays for what sits in its path.
 */
public final class EdgeServer {
    /**
     * Netty's pooled allocator, not 4.2's default adaptive one: with the adaptive allocator the router spent about a
     * fifth more CPU per proxied request (docs/benchmarks.md, "The edge's buffer allocator").
     */
    static final ByteBufAllocator BUFFERS = PooledByteBufAllocator.DEFAULT;

    private final EventLoopGroup loops;
    private final int threads;
    private final Map<EventExecutor, UpstreamConnections> upstreamsByLoop = new HashMap<>();
    private final Channel listener;

    private EdgeServer(String name, Settings settings, EventLoopGroupFactory transports, EdgePolicy policy, ProblemResponses problems,
                       Supplier<ChannelHandler> accessLog) {
        this.threads = settings.threads();
        this.loops = transports.createEventLoopGroup(threads, new DefaultThreadFactory(name), null);
        Class<? extends Channel> upstreamChannel = transports.channelClass(NettyChannelType.CLIENT_SOCKET);
        for (EventExecutor loop : loops) {
            upstreamsByLoop.put(loop, new UpstreamConnections((EventLoop) loop, upstreamChannel, settings.connectTimeout(),
                    settings.maxIdleConnectionsPerUpstream(), settings.idleConnectionTimeout()));
        }
        this.listener = listen(settings, transports, policy, problems, accessLog);
    }

    private Channel listen(Settings settings, EventLoopGroupFactory transports, EdgePolicy policy, ProblemResponses problems,
                           Supplier<ChannelHandler> accessLog) {
        try {
            return new ServerBootstrap()
                .group(loops)
                .channel(transports.serverSocketChannelClass())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.ALLOCATOR, BUFFERS)
                .childOption(ChannelOption.ALLOCATOR, BUFFERS)
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
        } catch (RuntimeException bindFailed) {
            loops.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw bindFailed;
        }
    }

    /**
     * Starts an edge on the transport of the application it is part of (epoll where there is one); returns once it
     * listens.
     *
     * @param name the name of its event-loop threads
     * @param accessLog makes the access log of each client connection
     */
    public static EdgeServer start(String name, Settings settings, EventLoopGroupFactory transports, EdgePolicy policy,
                                   ProblemResponses problems, Supplier<ChannelHandler> accessLog) {
        return new EdgeServer(name, settings, transports, policy, problems, accessLog);
    }

    /** The port the edge listens on. */
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** The event-loop threads the edge runs on. */
    public int threads() {
        return threads;
    }

    /** Stops listening, closes the idle upstream connections and ends the event loops. */
    public void stop() {
        listener.close().syncUninterruptibly();
        upstreamsByLoop.values().forEach(upstreams -> upstreams.loop().execute(upstreams::closeAll));
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
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
     * @param threads its event-loop threads; 0 means one per processor
     */
    public record Settings(String host, int port, Duration connectTimeout, Duration readTimeout, Duration clientIdleTimeout,
                           int maxIdleConnectionsPerUpstream, Duration idleConnectionTimeout, int threads) {
        public Settings {
            threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        }
    }
}
