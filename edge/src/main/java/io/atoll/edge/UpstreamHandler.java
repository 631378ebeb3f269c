package io.atoll.edge;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

import java.nio.channels.ClosedChannelException;

/** The end of a connection to an upstream: passes what arrives to the exchange using the connection, if any. */
public final class UpstreamHandler extends ChannelInboundHandlerAdapter {
    private UpstreamListener listener;

    public void attach(UpstreamListener listener) {
        this.listener = listener;
    }

    public void detach() {
        this.listener = null;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (listener != null) {
            listener.upstreamMessage(msg);
        } else {
            // An upstream has nothing to say on an idle connection; a connection that speaks out of turn is not reused.
            ReferenceCountUtil.release(msg);
            ctx.close();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (listener != null) {
            listener.upstreamReadComplete();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (listener != null) {
            listener.upstreamWritabilityChanged();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        UpstreamListener current = listener;
        listener = null;
        if (current != null) {
            current.upstreamFailed(new ClosedChannelException());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        UpstreamListener current = listener;
        listener = null;
        ctx.close();
        if (current != null) {
            current.upstreamFailed(cause);
        }
    }
}
