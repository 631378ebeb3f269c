package io.atoll.edge;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * One request on its way through a proxy, and its answer on the way back: what the global router and the cell
 * ingress do alike. The request's head and body go to a pooled upstream connection as they arrive (parts that
 * come before the connection is ready wait for it), the answer streams back to the client with back-pressure,
 * and an interim answer ("100 Continue") is passed on ahead of the real one. Where the request goes, what is
 * added to the answer and what happens when the upstream fails or falls silent, each proxy decides.
 *
 * <p>Everything runs on the client connection's event loop, which the upstream connection shares.
 */
public abstract class ProxiedExchange implements UpstreamListener {
    protected final ChannelHandlerContext client;
    protected final HttpRequest request;
    private final long readTimeoutNanos;
    private final ReadTimeouts readTimeouts;
    private UpstreamConnections connections;
    private URI target;
    /** Body parts that arrived before the upstream connection was ready; null while there are none. */
    private ArrayDeque<HttpContent> pendingBody;
    private boolean requestComplete;
    private Channel upstream;
    private boolean interimResponse;
    private boolean responseStarted;
    private boolean upstreamKeepAlive;
    private long lastActivityNanos;
    private boolean done;

    /**
     * @param readTimeout the longest the upstream may stay silent during the answer, or the client during its body
     * @param readTimeouts the client connection's timer
     */
    protected ProxiedExchange(ChannelHandlerContext client, HttpRequest request, Duration readTimeout, ReadTimeouts readTimeouts) {
        this.client = client;
        this.request = request;
        this.readTimeoutNanos = readTimeout.toNanos();
        this.readTimeouts = readTimeouts;
    }

    /** Sends the request to the upstream at this base URL, over an idle connection of the pool or a new one. */
    protected final void send(UpstreamConnections pool, URI upstreamUrl) {
        connections = pool;
        target = upstreamUrl;
        Channel idle = pool.idle(upstreamUrl);
        if (idle != null) {
            connected(idle);
            return;
        }
        ChannelFuture connecting = pool.connect(upstreamUrl);
        connecting.addListener(future -> {
            if (done) {
                connecting.channel().close();
            } else if (future.isSuccess()) {
                connected(connecting.channel());
            } else {
                connectFailed(future.cause());
            }
        });
    }

    private void connected(Channel channel) {
        upstream = channel;
        channel.pipeline().get(UpstreamHandler.class).attach(this);
        channel.config().setAutoRead(client.channel().isWritable());
        channel.write(request, channel.voidPromise());
        headSent(channel);
        if (pendingBody != null) {
            pendingBody.forEach(this::writeBody);
            pendingBody = null;
        }
        channel.flush();
        lastActivityNanos = System.nanoTime();
        readTimeouts.arm(readTimeoutNanos);
        clientMayContinue();
    }

    /** The next part of the request's body, from the client. */
    public final void requestContent(HttpContent content) {
        if (content instanceof LastHttpContent) {
            requestComplete = true;
        }
        if (done) {
            content.release();
        } else if (upstream != null) {
            writeBody(content);
            lastActivityNanos = System.nanoTime();
        } else {
            if (pendingBody == null) {
                pendingBody = new ArrayDeque<>(4);
            }
            pendingBody.add(content);
        }
    }

    private void writeBody(HttpContent content) {
        bodySent(content);
        upstream.write(content, upstream.voidPromise());
    }

    @Override
    public final void upstreamMessage(Object message) {
        if (done) {
            ReferenceCountUtil.release(message);
            return;
        }
        lastActivityNanos = System.nanoTime();
        if (message instanceof HttpResponse response) {
            if (diverted(response)) {
                return;
            }
            if (response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                interimResponse = true;
                client.write(message, client.voidPromise());
                return;
            }
            responseStarted = true;
            upstreamKeepAlive = HttpUtil.isKeepAlive(response);
            responding(response);
            if (!(message instanceof LastHttpContent)) {
                client.write(response, client.voidPromise());
                return;
            }
        }
        if (message instanceof LastHttpContent last) {
            if (interimResponse) {
                interimResponse = false;
                client.write(last, client.voidPromise());
            } else {
                answered(last);
            }
        } else if (message instanceof HttpContent content) {
            client.write(content, client.voidPromise());
            if (!client.channel().isWritable()) {
                upstream.config().setAutoRead(false);
            }
        } else {
            ReferenceCountUtil.release(message);
        }
    }

    @Override
    public final void upstreamReadComplete() {
        client.flush();
    }

    @Override
    public final void upstreamWritabilityChanged() {
        clientMayContinue();
    }

    @Override
    public final void upstreamFailed(Throwable cause) {
        if (done) {
            return;
        }
        releaseUpstream(false);
        lost(cause);
        if (responseStarted) {
            abortClient();
        } else {
            failedBeforeAnswer(cause);
        }
    }

    /**
     * Ends an exchange silent for longer than the read timeout, and otherwise answers how long until it could be.
     *
     * @return the nanoseconds until the next check, or 0 when the exchange has timed out
     */
    final long checkReadTimeout() {
        long silentNanos = System.nanoTime() - lastActivityNanos;
        if (silentNanos < readTimeoutNanos) {
            return readTimeoutNanos - silentNanos;
        }
        releaseUpstream(false);
        String within = TimeUnit.NANOSECONDS.toMillis(readTimeoutNanos) + " ms";
        if (!requestComplete) {
            // The client stopped sending its body: not the upstream's fault.
            respondWithProblem(HttpResponseStatus.REQUEST_TIMEOUT, "the request body did not arrive within " + within);
            return 0;
        }
        silent();
        if (responseStarted) {
            abortClient();
        } else {
            respondWithProblem(HttpResponseStatus.GATEWAY_TIMEOUT, upstreamName() + " did not answer within " + within);
        }
        return 0;
    }

    /** The client went away. */
    public final void abandon() {
        if (!done) {
            finish();
            releaseUpstream(false);
        }
    }

    /** Marks the exchange over, whatever comes after, and lets go of body parts still waiting (a proxy adds its own). */
    protected void finish() {
        done = true;
        if (pendingBody != null) {
            pendingBody.forEach(HttpContent::release);
            pendingBody = null;
        }
    }

    /** Detaches the upstream connection: back to the pool when it may carry another request, closed otherwise. */
    protected final void releaseUpstream(boolean reusable) {
        Channel channel = upstream;
        if (channel == null) {
            return;
        }
        upstream = null;
        channel.pipeline().get(UpstreamHandler.class).detach();
        if (reusable) {
            channel.config().setAutoRead(true);
            connections.release(target, channel);
        } else {
            channel.close();
        }
    }

    /** Whether the upstream connection can carry another request once this answer is complete. */
    protected final boolean upstreamReusable() {
        return upstreamKeepAlive && requestComplete;
    }

    /**
     * Whether the upstream marks the end of this answer's body by closing its connection (no length, not
     * chunked), so that the client, whose connection stays, needs another marker.
     */
    protected final boolean bodyEndsWithConnection(HttpResponse response) {
        int status = response.status().code();
        return !HttpUtil.isContentLengthSet(response) && !HttpUtil.isTransferEncodingChunked(response)
                && status != HttpResponseStatus.NO_CONTENT.code() && status != HttpResponseStatus.NOT_MODIFIED.code()
                && !HttpMethod.HEAD.equals(request.method());
    }

    public final boolean requestComplete() {
        return requestComplete;
    }

    public final boolean done() {
        return done;
    }

    protected final boolean responseStarted() {
        return responseStarted;
    }

    /** Sends on what the client's last read gave to the upstream connection, if there is one yet. */
    public final void flushUpstream() {
        if (upstream != null) {
            upstream.flush();
        }
    }

    /** Reads the upstream's answer only while the client's connection can take it. */
    public final void clientWritabilityChanged() {
        if (upstream != null) {
            upstream.config().setAutoRead(client.channel().isWritable());
        }
    }

    /** Whether a read timeout can apply: the exchange is under way on an upstream connection. */
    final boolean awaitingUpstream() {
        return !done && upstream != null;
    }

    /** Whether the client may send more now: its body has somewhere to go, or it is complete. */
    public final boolean canTakeBody() {
        return requestComplete || (upstream == null ? pendingBody == null : upstream.isWritable());
    }

    /** The request's head is written to this connection; anything that must follow it before the body goes now. */
    protected void headSent(Channel connection) {
    }

    /** A part of the body is about to go upstream. */
    protected void bodySent(HttpContent content) {
    }

    /** Whether the proxy takes this answer out of the exchange (to send the request elsewhere, say). */
    protected boolean diverted(HttpResponse response) {
        return false;
    }

    /** The upstream connection failed or fell silent; called before the exchange is answered or aborted. */
    protected void lost(Throwable cause) {
    }

    /** The upstream fell silent after the whole request went to it. */
    protected void silent() {
    }

    /** The name of the upstream in error details. */
    protected abstract String upstreamName();

    /** The client's side may read again, if it held back for this exchange. */
    protected abstract void clientMayContinue();

    /** The answer's head, about to be written to the client: the proxy adjusts its headers. */
    protected abstract void responding(HttpResponse response);

    /** The end of the answer came; the proxy writes it to the client and lets go of the upstream. */
    protected abstract void answered(LastHttpContent last);

    protected abstract void connectFailed(Throwable cause);

    /** The upstream connection failed before any of the answer came. */
    protected abstract void failedBeforeAnswer(Throwable cause);

    /** Answers the client with an error of the proxy's own, ending the exchange. */
    protected abstract void respondWithProblem(HttpResponseStatus status, String detail);

    /** The answer broke off after it began: all a proxy can do is end the client's connection. */
    protected abstract void abortClient();
}
