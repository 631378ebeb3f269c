package io.atoll.edge;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * Sits on a connection to an upstream for the case where the upstream answers before the request's body has all
 * gone to it (a refused token, a body too large) and then closes or resets the connection. Such an upstream stops
 * reading, so the proxy's next write fails; left alone, a failed write closes the connection at once and the
 * answer, already in the socket's receive buffer, is never read. Here a failed write only ends the sending side,
 * so the answer is still read and passed on, and once an answer has begun the rest of the body is dropped rather
 * than sent. Such a connection is not reused: {@link #requestDelivered()} says whether it may be.
 */
public final class EarlyAnswerGate extends ChannelDuplexHandler {
    private boolean answerBegun;
    private boolean requestDelivered;

    private EarlyAnswerGate() {
    }

    /** The gate of this upstream connection, put in place on the connection's first request. */
    public static EarlyAnswerGate on(Channel upstream) {
        EarlyAnswerGate gate = upstream.pipeline().get(EarlyAnswerGate.class);
        if (gate == null) {
            gate = new EarlyAnswerGate();
            upstream.config().setAutoClose(false);
            upstream.pipeline().addBefore(upstream.pipeline().context(UpstreamHandler.class).name(), null, gate);
        }
        return gate;
    }

    /** Whether the whole of the current request was written before its answer began: only then may the connection carry another. */
    public boolean requestDelivered() {
        return requestDelivered;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpRequest) {
            answerBegun = false;
            requestDelivered = false;
        } else if (answerBegun) {
            ReferenceCountUtil.release(msg);
            promise.trySuccess();
            return;
        }
        boolean requestEnd = msg instanceof LastHttpContent;
        // A write that fails does so because the upstream reset the connection; what it answered is still to be read,
        // and a failure reported now (a void promise's exception) would end the exchange before that.
        ChannelPromise written = promise.isVoid() ? ctx.newPromise() : promise;
        written.addListener(future -> requestDelivered |= requestEnd && future.isSuccess() && !answerBegun);
        ctx.write(msg, written);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpResponse response && response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
            answerBegun = true;
        }
        ctx.fireChannelRead(msg);
    }
}
