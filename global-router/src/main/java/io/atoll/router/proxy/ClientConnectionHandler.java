package io.atoll.router.proxy;

import io.atoll.router.domain.AccountKey;
import io.atoll.router.domain.Cell;
import io.atoll.router.domain.RoutePlan;
import io.atoll.router.domain.RouteReason;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One client connection of the data plane. Requests are served one at a time, in order: each is routed by its
 * headers, sent to its cell over a pooled connection, and its body and the cell's response stream through
 * without being collected, with back-pressure both ways (the side that reads stops while the side that writes
 * cannot keep up).
 */
final class ClientConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnectionHandler.class);
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT,
            HttpMethod.DELETE, HttpMethod.OPTIONS, HttpMethod.TRACE);
    private static final String NONE = "none";
    private static final int MAX_QUEUED_MESSAGES = 64;
    /**
     * The most body bytes kept to resend a request to the next cell. Check-ins and the like are far smaller; an
     * upload beyond this is not resent, which is what the router does for every non-idempotent request anyway.
     */
    private static final int MAX_RESENT_BODY_BYTES = 64 * 1024;
    /** Answers that mean the cell's gateway found nothing behind it: the request did not reach the app. */
    private static final Set<Integer> GATEWAY_FAILURES = Set.of(502, 503, 504);

    private final RequestRouter router;
    private final UpstreamConnections upstreams;
    private final CellOutcomes outcomes;
    private final ProblemResponses problems;
    private final long readTimeoutNanos;
    /** Messages read but not yet handled: the start of a pipelined request waits here for the answer before it. */
    private final ArrayDeque<Object> inbound = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private String clientAddress;
    private Exchange exchange;
    /**
     * Whether a read-timeout check is pending. At most one per connection, never cancelled: it re-arms itself
     * while an exchange is under way and lapses between exchanges, which costs far less than a timer per request.
     */
    private boolean readTimeoutArmed;

    ClientConnectionHandler(RequestRouter router, UpstreamConnections upstreams, CellOutcomes outcomes,
                            ProblemResponses problems, Duration readTimeout) {
        this.router = router;
        this.upstreams = upstreams;
        this.outcomes = outcomes;
        this.problems = problems;
        this.readTimeoutNanos = readTimeout.toNanos();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        SocketAddress remote = ctx.channel().remoteAddress();
        clientAddress = remote instanceof InetSocketAddress address ? address.getAddress().getHostAddress() : String.valueOf(remote);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        inbound.add(msg);
        handleInbound();
        updateReading();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (exchange != null && exchange.upstream != null) {
            exchange.upstream.flush();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (exchange != null && exchange.upstream != null) {
            exchange.upstream.config().setAutoRead(ctx.channel().isWritable());
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (exchange != null) {
            exchange.abandon();
        }
        inbound.forEach(ReferenceCountUtil::release);
        inbound.clear();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("Client connection from {} failed", clientAddress, cause);
        ctx.close();
    }

    private void handleInbound() {
        while (!inbound.isEmpty() && (exchange == null || !exchange.requestComplete)) {
            Object msg = inbound.poll();
            if (msg instanceof HttpRequest request && exchange == null) {
                Exchange started = begin(request);
                if (msg instanceof HttpContent content) {
                    if (started != null) {
                        started.requestContent(content);
                    } else {
                        content.release();
                    }
                }
            } else if (msg instanceof HttpContent content && exchange != null) {
                exchange.requestContent(content);
            } else {
                ReferenceCountUtil.release(msg);
            }
        }
    }

    /**
     * Keeps reading the client unless what it sends has nowhere to go: a body that arrives before the cell's
     * connection is ready, a body the cell's connection cannot take yet, or too many pipelined messages queued
     * behind the current request. Reading is switched off only then, because every switch costs system calls.
     */
    private void updateReading() {
        boolean read = inbound.size() < MAX_QUEUED_MESSAGES
                && (exchange == null || exchange.requestComplete
                || (exchange.upstream == null ? exchange.pendingBody == null : exchange.upstream.isWritable()));
        if (ctx.channel().config().isAutoRead() != read) {
            ctx.channel().config().setAutoRead(read);
        }
    }

    private void armReadTimeout(long delayNanos) {
        if (!readTimeoutArmed) {
            readTimeoutArmed = true;
            ctx.executor().schedule(this::readTimeoutDue, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void readTimeoutDue() {
        readTimeoutArmed = false;
        if (exchange != null && !exchange.done && exchange.upstream != null) {
            exchange.checkReadTimeout();
        }
    }

    /** Starts the exchange of a request, or answers a malformed one at once (and returns null). */
    private Exchange begin(HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            Throwable cause = request.decoderResult().cause();
            HttpResponseStatus status = cause instanceof TooLongHttpLineException ? HttpResponseStatus.REQUEST_URI_TOO_LONG
                    : cause instanceof TooLongHttpHeaderException ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                    : HttpResponseStatus.BAD_REQUEST;
            FullHttpResponse response = problems.problem(request, status,
                    status == HttpResponseStatus.BAD_REQUEST ? "the request is not valid HTTP/1.1" : cause.getMessage(), NONE, NONE);
            ProxyHeaders.connection(response.headers(), false, request.protocolVersion());
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            return null;
        }
        Exchange started = new Exchange(request);
        exchange = started;
        router.route(request).whenComplete((plan, failure) -> {
            if (ctx.executor().inEventLoop()) {
                started.routed(plan, failure);
            } else {
                ctx.executor().execute(() -> started.routed(plan, failure));
            }
        });
        return started;
    }

    /** One request and its answer. */
    private final class Exchange implements UpstreamListener {
        private final HttpRequest request;
        private final HttpVersion clientVersion;
        /** Whether the client's connection stays open after this exchange. */
        private boolean keepAlive;
        private final boolean idempotent;
        private final Optional<AccountKey> signUp;
        private final long startNanos = System.nanoTime();
        /** Body parts that arrived before the connection to the cell was ready; null while there are none. */
        private ArrayDeque<HttpContent> pendingBody;
        /**
         * Copies of everything sent to the first cell after the request head, kept while the request may still
         * go to the next one; null when it may not (not idempotent, a single cell, too large, or answered).
         */
        private ArrayDeque<HttpContent> sentBody;
        private int sentBodyBytes;
        private boolean requestComplete;
        private RoutePlan plan;
        private int attempt;
        private Cell cell;
        private RouteReason reason;
        private Channel upstream;
        private boolean interimResponse;
        private boolean responseStarted;
        private boolean upstreamKeepAlive;
        private int status;
        private long lastActivityNanos;
        private boolean done;

        Exchange(HttpRequest request) {
            this.request = request;
            this.clientVersion = request.protocolVersion();
            this.keepAlive = HttpUtil.isKeepAlive(request);
            // A client that sends an Idempotency-Key vouches that the cell answers a repeat with the first outcome.
            this.idempotent = IDEMPOTENT.contains(request.method()) || request.headers().contains(ProxyHeaders.IDEMPOTENCY_KEY);
            this.signUp = router.signUpAccount(request);
            ProxyHeaders.prepareForCell(request, clientAddress);
        }

        void routed(RoutePlan routePlan, Throwable failure) {
            if (done) {
                return;
            }
            if (failure != null) {
                LOG.error("Routing failed for {} {}", request.method(), request.uri(), failure);
                respondWithProblem(HttpResponseStatus.SERVICE_UNAVAILABLE, "the router could not choose a cell", NONE, NONE);
                return;
            }
            plan = routePlan;
            if (canRetry()) {
                sentBody = new ArrayDeque<>(2);
            }
            send(0, plan.reason());
        }

        private void send(int attemptNumber, RouteReason why) {
            attempt = attemptNumber;
            cell = plan.cells().get(attemptNumber);
            reason = why;
            Channel idle = upstreams.idle(cell);
            if (idle != null) {
                connected(idle);
                return;
            }
            ChannelFuture connecting = upstreams.connect(cell);
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
            channel.config().setAutoRead(ctx.channel().isWritable());
            channel.write(request, channel.voidPromise());
            if (attempt > 0 && sentBody != null) {
                sentBody.forEach(content -> channel.write(content, channel.voidPromise()));
                sentBody = null;
            }
            if (pendingBody != null) {
                pendingBody.forEach(this::writeBody);
                pendingBody = null;
            }
            channel.flush();
            lastActivityNanos = System.nanoTime();
            armReadTimeout(readTimeoutNanos);
            updateReading();
        }

        private void connectFailed(Throwable cause) {
            LOG.debug("No connection to cell {} for {} {}: {}", cell.id(), request.method(), request.uri(), cause.toString());
            outcomes.failed(cell, FailureKind.CONNECT);
            if (canRetry()) {
                send(1, RouteReason.RETRY);
                return;
            }
            respondWithProblem(HttpResponseStatus.SERVICE_UNAVAILABLE,
                    "cell " + cell.id() + " could not be reached; the request was not sent", cell.id(), reason.headerValue());
        }

        private boolean canRetry() {
            return idempotent && attempt == 0 && plan.cells().size() > 1;
        }

        void requestContent(HttpContent content) {
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
            if (sentBody != null && attempt == 0) {
                keepForResending(content);
            }
            upstream.write(content, upstream.voidPromise());
        }

        private void keepForResending(HttpContent content) {
            sentBodyBytes += content.content().readableBytes();
            if (sentBodyBytes > MAX_RESENT_BODY_BYTES) {
                releaseSentBody();
            } else {
                sentBody.add(content.retainedDuplicate());
            }
        }

        /** Whether the request, all of it sent to the first cell, can be sent again to the next. */
        private boolean canResend() {
            return canRetry() && requestComplete && sentBody != null;
        }

        @Override
        public void upstreamMessage(Object message) {
            if (done) {
                ReferenceCountUtil.release(message);
                return;
            }
            lastActivityNanos = System.nanoTime();
            if (message instanceof HttpResponse response) {
                if (GATEWAY_FAILURES.contains(response.status().code()) && canResend()) {
                    resendAfterGatewayFailure(response);
                    return;
                }
                if (response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                    // "100 Continue" and the like: passed on, and the real answer is still to come.
                    interimResponse = true;
                    ctx.write(message, ctx.voidPromise());
                    return;
                }
                respondingWith(response);
                if (!(message instanceof LastHttpContent)) {
                    ctx.write(response, ctx.voidPromise());
                    return;
                }
            }
            if (message instanceof LastHttpContent last) {
                if (interimResponse) {
                    interimResponse = false;
                    ctx.write(last, ctx.voidPromise());
                } else {
                    complete(last);
                }
            } else if (message instanceof HttpContent content) {
                ctx.write(content, ctx.voidPromise());
                if (!ctx.channel().isWritable()) {
                    upstream.config().setAutoRead(false);
                }
            } else {
                ReferenceCountUtil.release(message);
            }
        }

        /**
         * The cell's gateway answered that it could not serve the request (its app is down, say): the request
         * goes to the next cell, and this answer, unread, goes with the connection that carried it.
         */
        private void resendAfterGatewayFailure(HttpResponse response) {
            LOG.debug("Cell {} answered {} to {} {}; resending it to the next cell", cell.id(), response.status().code(),
                    request.method(), request.uri());
            outcomes.responded(cell, response.status().code());
            ReferenceCountUtil.release(response);
            releaseUpstream(false);
            send(1, RouteReason.RETRY);
        }

        private void respondingWith(HttpResponse response) {
            releaseSentBody();
            responseStarted = true;
            status = response.status().code();
            upstreamKeepAlive = HttpUtil.isKeepAlive(response);
            outcomes.responded(cell, status);
            if (status == HttpResponseStatus.CREATED.code() && signUp.isPresent()) {
                router.placed(signUp.get(), cell.id());
            }
            if (endsWithConnection(response)) {
                // The cell marks the end of the body by closing its connection; the client needs a marker of its own.
                if (clientVersion.equals(HttpVersion.HTTP_1_1)) {
                    HttpUtil.setTransferEncodingChunked(response, true);
                } else {
                    keepAlive = false;
                }
            }
            ProxyHeaders.prepareForClient(response, cell.id(), reason.headerValue(), keepAlive, clientVersion);
        }

        private boolean endsWithConnection(HttpResponse response) {
            return !HttpUtil.isContentLengthSet(response) && !HttpUtil.isTransferEncodingChunked(response)
                    && status != HttpResponseStatus.NO_CONTENT.code() && status != HttpResponseStatus.NOT_MODIFIED.code()
                    && !HttpMethod.HEAD.equals(request.method());
        }

        @Override
        public void upstreamReadComplete() {
            ctx.flush();
        }

        @Override
        public void upstreamWritabilityChanged() {
            updateReading();
        }

        @Override
        public void upstreamFailed(Throwable cause) {
            if (done) {
                return;
            }
            releaseUpstream(false);
            boolean closed = cause instanceof ClosedChannelException;
            LOG.debug("Connection to cell {} failed during {} {}: {}", cell.id(), request.method(), request.uri(), cause.toString());
            outcomes.failed(cell, FailureKind.CLOSED);
            if (responseStarted) {
                abortClient();
            } else if (canResend()) {
                // Whether the cell stored the request before it went is unknown; an idempotent request may go again.
                send(1, RouteReason.RETRY);
            } else {
                respondWithProblem(HttpResponseStatus.BAD_GATEWAY, "cell " + cell.id()
                        + (closed ? " closed the connection before answering" : " failed before answering"), cell.id(), reason.headerValue());
            }
        }

        private void checkReadTimeout() {
            long silentNanos = System.nanoTime() - lastActivityNanos;
            if (silentNanos < readTimeoutNanos) {
                armReadTimeout(readTimeoutNanos - silentNanos);
                return;
            }
            releaseUpstream(false);
            if (!requestComplete) {
                // The client stopped sending its body: not the cell's fault.
                respondWithProblem(HttpResponseStatus.REQUEST_TIMEOUT, "the request body did not arrive within "
                        + TimeUnit.NANOSECONDS.toMillis(readTimeoutNanos) + " ms", cell.id(), reason.headerValue());
                return;
            }
            outcomes.failed(cell, FailureKind.TIMEOUT);
            if (responseStarted) {
                abortClient();
            } else {
                respondWithProblem(HttpResponseStatus.GATEWAY_TIMEOUT, "cell " + cell.id() + " did not answer within "
                        + TimeUnit.NANOSECONDS.toMillis(readTimeoutNanos) + " ms", cell.id(), reason.headerValue());
            }
        }

        private void complete(LastHttpContent last) {
            finish(status);
            releaseUpstream(upstreamKeepAlive && requestComplete);
            reply(last);
        }

        private void respondWithProblem(HttpResponseStatus problemStatus, String detail, String cellId, String why) {
            finish(problemStatus.code());
            releaseUpstream(false);
            FullHttpResponse response = problems.problem(request, problemStatus, detail, cellId, why);
            if (problemStatus == HttpResponseStatus.SERVICE_UNAVAILABLE) {
                response.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
            }
            ProxyHeaders.connection(response.headers(), keepAlive && requestComplete, clientVersion);
            reply(response);
        }

        /** Writes the end of the answer, then takes the next request, or ends a connection that cannot carry one. */
        private void reply(Object end) {
            exchange = null;
            if (!keepAlive || !requestComplete) {
                ctx.writeAndFlush(end).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.writeAndFlush(end, ctx.voidPromise());
            handleInbound();
            if (exchange != null && exchange.upstream != null) {
                // A pipelined request taken from the queue: no read of the client will flush it.
                exchange.upstream.flush();
            }
            updateReading();
        }

        /** The cell's response broke off after it began: all the router can do is end the client's connection. */
        private void abortClient() {
            finish(HttpResponseStatus.BAD_GATEWAY.code());
            exchange = null;
            ctx.close();
        }

        /** The client went away. */
        void abandon() {
            if (!done) {
                done = true;
                releaseUpstream(false);
                releasePendingBody();
            }
        }

        private void releasePendingBody() {
            if (pendingBody != null) {
                pendingBody.forEach(HttpContent::release);
                pendingBody = null;
            }
            releaseSentBody();
        }

        private void releaseSentBody() {
            if (sentBody != null) {
                sentBody.forEach(HttpContent::release);
                sentBody = null;
            }
        }

        private void finish(int answeredStatus) {
            done = true;
            releasePendingBody();
            outcomes.answered(cell == null ? NONE : cell.id(), answeredStatus, startNanos);
        }

        private void releaseUpstream(boolean reusable) {
            Channel channel = upstream;
            if (channel == null) {
                return;
            }
            upstream = null;
            channel.pipeline().get(UpstreamHandler.class).detach();
            if (reusable) {
                channel.config().setAutoRead(true);
                upstreams.release(cell, channel);
            } else {
                channel.close();
            }
        }
    }
}
