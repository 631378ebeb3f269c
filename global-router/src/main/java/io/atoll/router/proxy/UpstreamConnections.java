package io.atoll.router.proxy;

import io.atoll.router.domain.Cell;
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
 * The connection pools to the cells of one data-plane thread: a pool per cell (by ingress URL, so that a cell
 * that moves gets fresh connections), used only by that thread, so
 * that a request and its connection to the cell share one event loop and take no locks. Idle connections are
 * reused most-recent first and closed once idle too long.
 */
final class UpstreamConnections {
    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final int maxIdlePerCell;
    private final long idleTimeoutNanos;
    private final Map<URI, ArrayDeque<IdleConnection>> idleByCell = new HashMap<>();

    UpstreamConnections(EventLoop loop, Class<? extends Channel> channelType, Duration connectTimeout,
                        int maxIdlePerCell, Duration idleTimeout) {
        this.loop = loop;
        this.maxIdlePerCell = maxIdlePerCell;
        this.idleTimeoutNanos = idleTimeout.toNanos();
        this.bootstrap = new Bootstrap().group(loop).channel(channelType)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, connectTimeout.toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(), new UpstreamHandler());
                    }
                });
        long sweepNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(100), idleTimeoutNanos / 2);
        loop.scheduleWithFixedDelay(this::closeExpired, sweepNanos, sweepNanos, TimeUnit.NANOSECONDS);
    }

    /** An open idle connection to the cell, or null when there is none. */
    Channel idle(Cell cell) {
        ArrayDeque<IdleConnection> idle = idleByCell.get(cell.ingressUrl());
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

    ChannelFuture connect(Cell cell) {
        return bootstrap.connect(cell.host(), cell.port());
    }

    /** Takes back a connection whose exchange is complete, to reuse it. */
    void release(Cell cell, Channel channel) {
        ArrayDeque<IdleConnection> idle = idleByCell.computeIfAbsent(cell.ingressUrl(), url -> new ArrayDeque<>());
        if (!channel.isActive() || idle.size() >= maxIdlePerCell) {
            channel.close();
            return;
        }
        idle.addLast(new IdleConnection(channel, System.nanoTime()));
    }

    /** Closes every idle connection; runs on this pool's thread. */
    void closeAll() {
        idleByCell.values().forEach(idle -> idle.forEach(connection -> connection.channel().close()));
        idleByCell.clear();
    }

    EventLoop loop() {
        return loop;
    }

    private void closeExpired() {
        long now = System.nanoTime();
        for (ArrayDeque<IdleConnection> idle : idleByCell.values()) {
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
