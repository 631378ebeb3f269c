package io.atoll.edge;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * One client connection of an edge. Requests are served one at a time, in order: each is decided by the policy
 * (from its head, or the first bytes of its body when the policy asks for them), sent to its upstream over a pooled
 * connection, and its body and the answer stream through without being collected, with back-pressure both ways (the
 * side that reads stops while the side that writes cannot keep up).
 */
final class ClientConnection extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);
    private static final int MAX_QUEUED_MESSAGES = 64;
    /**
     * The most body bytes kept to resend a request to the next upstream. Check-ins and the like are far smaller; an
     * upload beyond this is not resent, which is what happens to every request that may not go twice anyway.
     */
    private static final int MAX_RESENT_BODY_BYTES = 64 * 1024;
    /** Answers that mean an upstream's gateway found nothing behind it: the request did not reach the service. */
    private static final Set<Integer> GATEWAY_FAILURES = Set.of(502, 503, 504);

    private final EdgePolicy policy;
    private final UpstreamConnections upstreams;
    private final ProblemResponses problems;
    private final Duration readTimeout;
    /** Messages read but not yet handled: the start of a pipelined request waits here for the answer before it. */
    private final ArrayDeque<Object> inbound = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private String clientAddress;
    private Exchange exchange;
    private ReadTimeouts readTimeouts;

    ClientConnection(EdgePolicy policy, UpstreamConnections upstreams, ProblemResponses problems, Duration readTimeout) {
        this.policy = policy;
        this.upstreams = upstreams;
        this.problems = problems;
        this.readTimeout = readTimeout;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.readTimeouts = new ReadTimeouts(ctx.executor(), () -> exchange);
        clientAddress = ForwardedHeaders.peerAddress(ctx.channel().remoteAddress());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        inbound.add(msg);
        handleInbound();
        updateReading();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (exchange != null) {
            exchange.flushUpstream();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (exchange != null) {
            exchange.clientWritabilityChanged();
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

    /**
     * The client sent nothing for the idle timeout. Idle between requests or inside a head, its connection is closed;
     * a request whose policy waits for the start of its body is answered 408. A client waiting for its answer, or held
     * back while the upstream takes the body, is left to the read timeout.
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (!(event instanceof IdleStateEvent)) {
            ctx.fireUserEventTriggered(event);
        } else if (exchange == null) {
            ctx.close();
        } else if (exchange.readingBodyToDecide()) {
            exchange.bodyNeverCame();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("Client connection from {} failed", clientAddress, cause);
        ctx.close();
    }

    private void handleInbound() {
        while (!inbound.isEmpty() && (exchange == null || !exchange.requestComplete())) {
            Object msg = inbound.poll();
            if (msg instanceof HttpRequest request && exchange == null) {
                Exchange started = begin(request);
                if (msg instanceof HttpContent content) {
                    if (started != null) {
                        started.content(content);
                    } else {
                        content.release();
                    }
                }
            } else if (msg instanceof HttpContent content && exchange != null) {
                exchange.content(content);
            } else {
                ReferenceCountUtil.release(msg);
            }
        }
    }

    /**
     * Keeps reading the client unless what it sends has nowhere to go: a body that arrives before the upstream's
     * connection is ready (except the start of a body the policy decides by), a body the upstream's connection cannot
     * take yet, or too many pipelined messages queued behind the current request. Reading is switched off only then,
     * because every switch costs system calls.
     */
    private void updateReading() {
        boolean read = inbound.size() < MAX_QUEUED_MESSAGES
                && (exchange == null || exchange.canTakeBody() || exchange.readingBodyToDecide());
        if (ctx.channel().config().isAutoRead() != read) {
            ctx.channel().config().setAutoRead(read);
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
                    status == HttpResponseStatus.BAD_REQUEST ? "the request is not valid HTTP/1.1" : cause.getMessage());
            policy.answeringMalformed(response.headers());
            ForwardedHeaders.connection(response.headers(), false, request.protocolVersion());
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            return null;
        }
        Exchange started = new Exchange(request, policy.forRequest(request));
        exchange = started;
        started.start();
        return started;
    }

    /** One request and its answer, sent to the first upstream of its decision and, when it may go again, to the next. */
    private final class Exchange extends ProxiedExchange {
        private final RequestPolicy requestPolicy;
        private final HttpVersion clientVersion;
        /** Whether the client's connection stays open after this exchange. */
        private boolean keepAlive;
        /**
         * Whether the request declares no body. Its end follows its head at once, but a decision made on the head alone
         * may come first: the connection can still carry the next request.
         */
        private final boolean bodiless;
        private final long startNanos = System.nanoTime();
        /** The start of the body, read for the policy to decide by; null once decided or when it decides on the head. */
        private byte[] bodyToDecide;
        private int bodyToDecideLength;
        /**
         * Copies of everything sent to the first upstream after the request head, kept while the request may still
         * go to the next one; null when it may not (not resendable, a single upstream, too large, or answered).
         */
        private ArrayDeque<HttpContent> sentBody;
        private int sentBodyBytes;
        private Decision.Forward forward;
        private int attempt = -1;
        private int status;
        /** The gate of the connection to the upstream of the current attempt. */
        private EarlyAnswerGate gate;

        Exchange(HttpRequest request, RequestPolicy requestPolicy) {
            super(ctx, request, readTimeout, readTimeouts);
            this.requestPolicy = requestPolicy;
            this.clientVersion = request.protocolVersion();
            this.keepAlive = HttpUtil.isKeepAlive(request);
            this.bodiless = !HttpUtil.isTransferEncodingChunked(request) && HttpUtil.getContentLength(request, 0L) == 0;
            ForwardedHeaders.removeHopByHop(request.headers());
            request.setProtocolVersion(HttpVersion.HTTP_1_1);
            ForwardedHeaders.appendForwardedFor(request.headers(), clientAddress);
        }

        /**
         * Decides on the head, or first reads as much of the body as the policy asks for. A client that waits for
         * {@code 100 Continue} before it sends those bytes gets it from the edge: the upstream's would come too late.
         */
        void start() {
            int bodyBytes = requestPolicy.bodyBytesToDecide();
            if (bodyBytes <= 0) {
                decide(requestPolicy.decide(BodyPrefix.NONE));
                return;
            }
            bodyToDecide = new byte[bodyBytes];
            if (HttpUtil.is100ContinueExpected(request)) {
                request.headers().remove(HttpHeaderNames.EXPECT);
                ctx.writeAndFlush(new DefaultFullHttpResponse(clientVersion, HttpResponseStatus.CONTINUE), ctx.voidPromise());
            }
        }

        boolean readingBodyToDecide() {
            return bodyToDecide != null;
        }

        void bodyNeverCame() {
            bodyToDecide = null;
            respondWithProblem(HttpResponseStatus.REQUEST_TIMEOUT, "the request body did not arrive in time");
        }

        /** The next part of the client's body: read for the decision while the policy needs it, then sent on. */
        void content(HttpContent content) {
            if (bodyToDecide != null) {
                ByteBuf bytes = content.content();
                int taken = Math.min(bytes.readableBytes(), bodyToDecide.length - bodyToDecideLength);
                bytes.getBytes(bytes.readerIndex(), bodyToDecide, bodyToDecideLength, taken);
                bodyToDecideLength += taken;
                boolean complete = content instanceof LastHttpContent && taken == bytes.readableBytes();
                if (complete || bodyToDecideLength == bodyToDecide.length) {
                    BodyPrefix prefix = new BodyPrefix(bodyToDecide, bodyToDecideLength, complete);
                    bodyToDecide = null;
                    decide(requestPolicy.decide(prefix));
                }
            }
            requestContent(content);
        }

        private void decide(CompletionStage<Decision> decision) {
            decision.whenComplete((decided, failure) -> {
                if (ctx.executor().inEventLoop()) {
                    decided(decided, failure);
                } else {
                    ctx.executor().execute(() -> decided(decided, failure));
                }
            });
        }

        private void decided(Decision decision, Throwable failure) {
            if (done()) {
                if (decision instanceof Decision.Answer answer) {
                    answer.response().release();
                }
                requestPolicy.notSent();
                return;
            }
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                LOG.error("No decision for {} {}", request.method(), request.uri(), cause);
                respondWithProblem(HttpResponseStatus.SERVICE_UNAVAILABLE, "the request could not be routed");
            } else if (decision instanceof Decision.Answer answer) {
                answerItself(answer.response());
            } else {
                forward = (Decision.Forward) decision;
                if (canRetry()) {
                    sentBody = new ArrayDeque<>(2);
                }
                send(0);
            }
        }

        private void send(int attemptNumber) {
            attempt = attemptNumber;
            send(upstreams, upstream().url());
        }

        private Upstream upstream() {
            return forward.upstreams().get(attempt);
        }

        @Override
        protected void headSent(Channel connection) {
            gate = EarlyAnswerGate.on(connection);
            if (attempt > 0 && sentBody != null) {
                sentBody.forEach(content -> connection.write(content, connection.voidPromise()));
                sentBody = null;
            }
        }

        @Override
        protected void bodySent(HttpContent content) {
            if (sentBody != null && attempt == 0) {
                keepForResending(content);
            }
        }

        @Override
        protected void clientMayContinue() {
            updateReading();
        }

        @Override
        protected String upstreamName() {
            return upstream().name();
        }

        @Override
        protected void connectFailed(Throwable cause) {
            LOG.debug("No connection to {} for {} {}: {}", upstream().name(), request.method(), request.uri(), cause.toString());
            requestPolicy.connectFailed(attempt, cause);
            if (canRetry()) {
                send(1);
                return;
            }
            respondWithProblem(HttpResponseStatus.SERVICE_UNAVAILABLE, upstream().name() + " could not be reached; the request was not sent");
        }

        private boolean canRetry() {
            return forward.resendable() && attempt <= 0 && forward.upstreams().size() > 1;
        }

        private void keepForResending(HttpContent content) {
            sentBodyBytes += content.content().readableBytes();
            if (sentBodyBytes > MAX_RESENT_BODY_BYTES) {
                releaseSentBody();
            } else {
                sentBody.add(content.retainedDuplicate());
            }
        }

        /**
         * Whether the request can go to the next upstream: all that went to the first is kept. The body need not be
         * complete: a gateway may answer on the head alone, and the rest of the body then follows to the next upstream.
         */
        private boolean canResend() {
            return canRetry() && sentBody != null;
        }

        /**
         * The upstream's gateway answered that it could not serve the request (its service is down, say): the request
         * goes to the next upstream, and this answer, unread, goes with the connection that carried it.
         */
        @Override
        protected boolean diverted(HttpResponse response) {
            if (!GATEWAY_FAILURES.contains(response.status().code()) || !canResend()) {
                return false;
            }
            LOG.debug("{} answered {} to {} {}; resending it to the next upstream", upstream().name(), response.status().code(),
                    request.method(), request.uri());
            requestPolicy.responded(attempt, response);
            ReferenceCountUtil.release(response);
            releaseUpstream(false);
            send(1);
            return true;
        }

        @Override
        protected void responding(HttpResponse response) {
            releaseSentBody();
            status = response.status().code();
            requestPolicy.responded(attempt, response);
            if (bodyEndsWithConnection(response)) {
                // The upstream marks the end of the body by closing its connection; the client needs a marker of its own.
                if (clientVersion.equals(HttpVersion.HTTP_1_1)) {
                    HttpUtil.setTransferEncodingChunked(response, true);
                } else {
                    keepAlive = false;
                }
            }
            if (!requestComplete()) {
                // Answered before its body arrived: the rest of the body is dropped, and the connection ends with it.
                keepAlive = false;
            }
            ForwardedHeaders.removeHopByHop(response.headers());
            ForwardedHeaders.connection(response.headers(), keepAlive, clientVersion);
        }

        @Override
        protected void lost(Throwable cause) {
            LOG.debug("Connection to {} failed during {} {}: {}", upstream().name(), request.method(), request.uri(), cause.toString());
            requestPolicy.lost(attempt, cause);
        }

        @Override
        protected void failedBeforeAnswer(Throwable cause) {
            if (canResend()) {
                // Whether the upstream stored the request before it failed is unknown; a resendable request may go again.
                send(1);
            } else {
                respondWithProblem(HttpResponseStatus.BAD_GATEWAY, upstream().name()
                        + (cause instanceof ClosedChannelException ? " closed the connection before answering" : " failed before answering"));
            }
        }

        @Override
        protected void silent() {
            requestPolicy.silent(attempt);
        }

        @Override
        protected void answered(LastHttpContent last) {
            recordAnswer(status);
            releaseUpstream(upstreamReusable() && gate.requestDelivered());
            reply(last);
        }

        @Override
        protected void respondWithProblem(HttpResponseStatus problemStatus, String detail) {
            FullHttpResponse response = problems.problem(request, problemStatus, detail);
            if (problemStatus == HttpResponseStatus.SERVICE_UNAVAILABLE) {
                response.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
            }
            requestPolicy.answeringItself(attempt, response.headers());
            answerItself(response);
        }

        /** Ends the exchange with an answer of the edge's or the policy's own. */
        private void answerItself(FullHttpResponse response) {
            recordAnswer(response.status().code());
            releaseUpstream(false);
            ForwardedHeaders.connection(response.headers(), keepAlive && (requestComplete() || bodiless), clientVersion);
            reply(response);
        }

        /** Writes the end of the answer, then takes the next request, or ends a connection that cannot carry one. */
        private void reply(Object end) {
            exchange = null;
            if (!requestComplete() && !bodiless) {
                LingeringClose.closeAfter(ctx, end);
                return;
            }
            if (!keepAlive) {
                ctx.writeAndFlush(end).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.writeAndFlush(end, ctx.voidPromise());
            handleInbound();
            if (exchange != null) {
                // A pipelined request taken from the queue: no read of the client will flush it.
                exchange.flushUpstream();
            }
            updateReading();
        }

        @Override
        protected void abortClient() {
            recordAnswer(HttpResponseStatus.BAD_GATEWAY.code());
            exchange = null;
            ctx.close();
        }

        @Override
        protected void finish() {
            super.finish();
            releaseSentBody();
        }

        private void releaseSentBody() {
            if (sentBody != null) {
                sentBody.forEach(HttpContent::release);
                sentBody = null;
            }
        }

        private void recordAnswer(int answeredStatus) {
            finish();
            requestPolicy.answered(attempt, answeredStatus, System.nanoTime() - startNanos);
        }
    }
}
