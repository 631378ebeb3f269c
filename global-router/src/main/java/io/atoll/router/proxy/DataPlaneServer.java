package io.atoll.router.proxy;

import io.atoll.cell.contracts.proxy.ProblemResponses;
import io.atoll.cell.contracts.proxy.UpstreamConnections;
import io.atoll.router.config.DataPlaneSettings;
import io.atoll.router.health.ReadinessProber;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.http.netty.channel.EventLoopGroupFactory;
import io.micronaut.http.netty.channel.NettyChannelType;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The data plane: the mobile API's listener, in front of every cell. Runs on its own event loops, apart from
 * the admin server, and is written on Netty directly because every request pays for what sits in its path:
 * here that is an HTTP codec, a header-only routing decision and a pooled connection, nothing more.
 */
@Singleton
public final class DataPlaneServer implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(DataPlaneServer.class);

    private final DataPlaneSettings settings;
    private final EventLoopGroupFactory transports;
    private final ReadinessProber prober;
    private final RequestRouter router;
    private final CellOutcomes outcomes;
    private final ProblemResponses problems;
    private final Map<EventExecutor, UpstreamConnections> upstreamsByLoop = new HashMap<>();
    private EventLoopGroup loops;
    private Channel listener;

    DataPlaneServer(DataPlaneSettings settings, EventLoopGroupFactory transports, ReadinessProber prober,
                    RequestRouter router, CellOutcomes outcomes, ProblemResponses problems) {
        this.settings = settings;
        this.transports = transports;
        this.prober = prober;
        this.router = router;
        this.outcomes = outcomes;
        this.problems = problems;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        start();
    }

    /** The port the data plane listens on. */
    public synchronized int port() {
        if (listener == null) {
            throw new IllegalStateException("the data plane is not listening");
        }
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    private synchronized void start() {
        // Route the first requests by what the probes found, not by guesswork.
        prober.probeAllAndWait();
        int threads = settings.threads() > 0 ? settings.threads() : Runtime.getRuntime().availableProcessors();
        loops = transports.createEventLoopGroup(threads, new DefaultThreadFactory("data-plane"), null);
        Class<? extends Channel> upstreamType = transports.channelClass(NettyChannelType.CLIENT_SOCKET);
        for (EventExecutor loop : loops) {
            upstreamsByLoop.put(loop, new UpstreamConnections((EventLoop) loop, upstreamType, settings.connectTimeout(),
                    settings.maxIdleConnectionsPerCell(), settings.idleConnectionTimeout()));
        }
        listener = new ServerBootstrap()
                .group(loops)
                .channel(transports.serverSocketChannelClass())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        UpstreamConnections upstreams = upstreamsByLoop.get(channel.eventLoop());
                        channel.pipeline().addLast(new IdleStateHandler(settings.clientIdleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS),
                                new HttpServerCodec(), new CellAccessLog(),
                                new ClientConnectionHandler(router, upstreams, outcomes, problems, settings.readTimeout()));
                    }
                })
                .bind(settings.host(), settings.port())
                .syncUninterruptibly()
                .channel();
        LOG.info("Data plane listening on {}:{} with {} threads ({})", settings.host(), port(), threads,
                listener.getClass().getSimpleName());
    }

    @PreDestroy
    synchronized void stop() {
        if (listener == null) {
            return;
        }
        listener.close().syncUninterruptibly();
        upstreamsByLoop.values().forEach(upstreams -> upstreams.loop().execute(upstreams::closeAll));
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        listener = null;
    }
}
