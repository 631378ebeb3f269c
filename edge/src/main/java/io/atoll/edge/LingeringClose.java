package io.atoll.edge;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

import java.util.concurrent.TimeUnit;

/**
 * Ends a client's connection after an answer given before the request's body had all arrived. Closing at once
 * would leave the body still on its way unread, and the kernel answers unread data with a reset, which can
 * destroy the answer before the client has read it. So, as nginx's {@code lingering_close} does: the answer is
 * sent and the sending side closed (the client sees the end of the stream), then whatever the client still sends
 * is read and dropped until its body ends, it closes, or {@link #MAX_SECONDS} or {@link #MAX_BYTES} are reached.
 */
public final class LingeringClose extends ChannelInboundHandlerAdapter {
    /** The longest the rest of a body is waited for once the answer is out: ample time for a client to read it. */
    public static final long MAX_SECONDS = 5;
    /** The most of a body read and dropped: more than any body the cells accept. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private boolean answerSent;
    private boolean bodyOver;
    private long dropped;

    private LingeringClose() {
    }

    /** Writes the end of the answer, then takes over what the client still sends, and closes when that is done. */
    public static void closeAfter(ChannelHandlerContext ctx, Object answerEnd) {
        LingeringClose lingering = new LingeringClose();
        ChannelPipeline pipeline = ctx.pipeline();
        // Right behind the codec: the handlers further on have no request to give the rest of the body to.
        pipeline.addAfter(pipeline.context(HttpServerCodec.class).name(), null, lingering);
        ctx.writeAndFlush(answerEnd).addListener(written -> lingering.answerSent(ctx.channel(), written.isSuccess()));
    }

    private void answerSent(Channel client, boolean success) {
        answerSent = true;
        if (!success || bodyOver) {
            client.close();
            return;
        }
        ((DuplexChannel) client).shutdownOutput();
        client.eventLoop().schedule(() -> client.close(), MAX_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        ctx.read();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpContent content) {
            dropped += content.content().readableBytes();
        }
        // Anything but a part of the body (a next request, say) also means the body is over.
        bodyOver |= msg instanceof LastHttpContent || !(msg instanceof HttpContent);
        ReferenceCountUtil.release(msg);
        if ((bodyOver && answerSent) || dropped > MAX_BYTES) {
            ctx.close();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        // Read on, whatever the handlers behind have asked for: they are done with this connection.
        ctx.read();
    }
}
