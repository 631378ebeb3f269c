package io.atoll.edge;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpClientCodec;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The connections of one event loop to the upstream servers it proxies to: a pool per upstream base URL (so
 * that an upstream that moves gets fresh connections), used only by that loop, so that a request and its
 * upstream connection share one thread and take no locks. Idle connections are reused most-recent first and
 * closed once idle too long. Each connection ends in an {@link UpstreamHandler}.
 */
public final class UpstreamConnections {
    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final int maxIdlePerUpstream;
    private final long idleTimeoutNanos;
    private final Map<URI, ArrayDeque<IdleConnection>> idleByUpstream = new HashMap<>();

    public UpstreamConnections(EventLoop loop, Class<? extends Channel> channelType, Duration connectTimeout,
                               int maxIdlePerUpstream, Duration idleTimeout) {
        this.loop = loop;
        this.maxIdlePerUpstream = maxIdlePerUpstream;
        this.idleTimeoutNanos = idleTimeout.toNanos();
        this.bootstrap = new Bootstrap().group(loop).channel(channelType)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, connectTimeout.toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.ALLOCATOR, EdgeServer.BUFFERS)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(), new UpstreamHandler());
                    }
                });
        long sweepNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(100), idleTimeoutNanos / 2);
        loop.scheduleWithFixedDelay(this::closeExpired, sweepNanos, sweepNanos, TimeUnit.NANOSECONDS);
    }

    /** An open idle connection to the upstream, or null when there is none. */
    public Channel idle(URI upstream) {
        ArrayDeque<IdleConnection> idle = idleByUpstream.get(upstream);
        if (idle == null) {
            return null;
        }
        IdleConnection connection;
        while ((connection = idle.pollLast()) != null) {
            if (connection.channel().isActive()) {
                return connection.channel();
            }
        }
        return null;
    }

    public ChannelFuture connect(URI upstream) {
        return bootstrap.connect(upstream.getHost(), upstream.getPort() != -1 ? upstream.getPort() : 80);
    }

    /** Takes back a connection whose exchange is complete, to reuse it. */
    public void release(URI upstream, Channel channel) {
        ArrayDeque<IdleConnection> idle = idleByUpstream.computeIfAbsent(upstream, url -> new ArrayDeque<>());
        if (!channel.isActive() || idle.size() >= maxIdlePerUpstream) {
            channel.close();
            return;
        }
        idle.addLast(new IdleConnection(channel, System.nanoTime()));
    }

    /** Closes every idle connection; runs on this pool's thread. */
    public void closeAll() {
        idleByUpstream.values().forEach(idle -> idle.forEach(connection -> connection.channel().close()));
        idleByUpstream.clear();
    }

    public EventLoop loop() {
        return loop;
    }

    private void closeExpired() {
        long now = System.nanoTime();
        for (ArrayDeque<IdleConnection> idle : idleByUpstream.values()) {
            Iterator<IdleConnection> oldestFirst = idle.iterator();
            while (oldestFirst.hasNext()) {
                IdleConnection connection = oldestFirst.next();
                if (connection.channel().isActive() && now - connection.since() < idleTimeoutNanos) {
                    break;
                }
                oldestFirst.remove();
                connection.channel().close();
            }
        }
    }

    private record IdleConnection(Channel channel, long since) {
    }
}
