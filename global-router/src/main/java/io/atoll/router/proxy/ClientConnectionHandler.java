package io.atoll.router.proxy;

import io.atoll.cell.contracts.proxy.EarlyAnswerGate;
import io.atoll.cell.contracts.proxy.ForwardedHeaders;
import io.atoll.cell.contracts.proxy.LingeringClose;
import io.atoll.cell.contracts.proxy.ProblemResponses;
import io.atoll.cell.contracts.proxy.ProxiedExchange;
import io.atoll.cell.contracts.proxy.ReadTimeouts;
import io.atoll.cell.contracts.proxy.UpstreamConnections;
import io.atoll.router.domain.BodyStart;
import io.atoll.router.domain.Cell;
import io.atoll.router.domain.PlacementUnavailableException;
import io.atoll.router.domain.Reservation;
import io.atoll.router.domain.RoutePlan;
import io.atoll.router.domain.RouteReason;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
    private static final int MAX_QUEUED_MESSAGES = 64;
    /**
     * The most body bytes kept to resend a request to the next cell. Check-ins and the like are far smaller; an
     * upload beyond this is not resent, which is what the router does for every non-idempotent request anyway.
     */
    private static final int MAX_RESENT_BODY_BYTES = 64 * 1024;
    /** The most of a credential request's body read to route it: a sign-up or token request is far smaller. */
    private static final int MAX_CREDENTIAL_BODY_BYTES = 4 * 1024;
    /** Answers that mean the cell's gateway found nothing behind it: the request did not reach the app. */
    private static final Set<Integer> GATEWAY_FAILURES = Set.of(502, 503, 504);

    private final RequestRouter router;
    private final UpstreamConnections upstreams;
    private final CellOutcomes outcomes;
    private final ProblemResponses problems;
    private final Duration readTimeout;
    /** Messages read but not yet handled: the start of a pipelined request waits here for the answer before it. */
    private final ArrayDeque<Object> inbound = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private String clientAddress;
    private Exchange exchange;
    private ReadTimeouts readTimeouts;

    ClientConnectionHandler(RequestRouter router, UpstreamConnections upstreams, CellOutcomes outcomes,
                            ProblemResponses problems, Duration readTimeout) {
        this.router = router;
        this.upstreams = upstreams;
        this.outcomes = outcomes;
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
     * a credential request whose body never came to name its account is answered 408. A client waiting for its
     * answer, or held back while its cell takes the body, is left to the read timeout.
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (!(event instanceof IdleStateEvent)) {
            ctx.fireUserEventTriggered(event);
        } else if (exchange == null) {
            ctx.close();
        } else if (exchange.readingCredentials()) {
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
     * Keeps reading the client unless what it sends has nowhere to go: a body that arrives before the cell's
     * connection is ready (except the start of a credential request's body, which decides where it goes), a body
     * the cell's connection cannot take yet, or too many pipelined messages queued behind the current request.
     * Reading is switched off only then, because every switch costs system calls.
     */
    private void updateReading() {
        boolean read = inbound.size() < MAX_QUEUED_MESSAGES
                && (exchange == null || exchange.canTakeBody() || exchange.readingCredentials());
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
            FullHttpResponse response = problem(request, status,
                    status == HttpResponseStatus.BAD_REQUEST ? "the request is not valid HTTP/1.1" : cause.getMessage(), ProxyHeaders.NONE, ProxyHeaders.NONE);
            ProxyHeaders.connection(response.headers(), false, request.protocolVersion());
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            return null;
        }
        Exchange started = new Exchange(request);
        exchange = started;
        Optional<RequestRouter.CredentialEndpoint> credentials = router.credentialEndpoint(request);
        if (credentials.isPresent()) {
            started.readCredentials(credentials.get());
        } else {
            started.route(router.route(request));
        }
        return started;
    }

    /** The router's own error answer, saying which cell the request was for and why ({@code none} when not known). */
    private FullHttpResponse problem(HttpRequest request, HttpResponseStatus status, String detail, String cellId, String reason) {
        FullHttpResponse response = problems.problem(request, status, detail);
        response.headers().set(ProxyHeaders.CELL, cellId).set(ProxyHeaders.ROUTE_REASON, reason);
        return response;
    }

    /** One request and its answer, sent to the first cell of its plan and, when it may go again, to the next. */
    private final class Exchange extends ProxiedExchange {
        private final HttpVersion clientVersion;
        /** Whether the client's connection stays open after this exchange. */
        private boolean keepAlive;
        private final boolean idempotent;
        /** The credential endpoint whose body is being read to route the request; null once routed or for other requests. */
        private RequestRouter.CredentialEndpoint credentialEndpoint;
        private byte[] credentialBody;
        private int credentialBodyLength;
        /** The placement directory's hold on a sign-up's address, settled by the cell's answer. */
        private Optional<Reservation> reservation = Optional.empty();
        private final long startNanos = System.nanoTime();
        /**
         * Copies of everything sent to the first cell after the request head, kept while the request may still
         * go to the next one; null when it may not (not idempotent, a single cell, too large, or answered).
         */
        private ArrayDeque<HttpContent> sentBody;
        private int sentBodyBytes;
        private RoutePlan plan;
        private int attempt;
        private Cell cell;
        private RouteReason reason;
        private int status;
        /** The gate of the connection to the cell of the current attempt. */
        private EarlyAnswerGate gate;

        Exchange(HttpRequest request) {
            super(ctx, request, readTimeout, readTimeouts);
            this.clientVersion = request.protocolVersion();
            this.keepAlive = HttpUtil.isKeepAlive(request);
            // A client that sends an Idempotency-Key vouches that the cell answers a repeat with the first outcome.
            this.idempotent = IDEMPOTENT.contains(request.method()) || request.headers().contains(ProxyHeaders.IDEMPOTENCY_KEY);
            ProxyHeaders.prepareForCell(request, clientAddress);
        }

        /**
         * Reads up to {@value #MAX_CREDENTIAL_BODY_BYTES} bytes of the body before routing. A client that waits for
         * {@code 100 Continue} before it sends them gets it from the router: the cell's own would come too late.
         */
        void readCredentials(RequestRouter.CredentialEndpoint endpoint) {
            credentialEndpoint = endpoint;
            credentialBody = new byte[MAX_CREDENTIAL_BODY_BYTES];
            if (HttpUtil.is100ContinueExpected(request)) {
                request.headers().remove(HttpHeaderNames.EXPECT);
                ctx.writeAndFlush(new DefaultFullHttpResponse(clientVersion, HttpResponseStatus.CONTINUE), ctx.voidPromise());
            }
        }

        boolean readingCredentials() {
            return credentialEndpoint != null;
        }

        void bodyNeverCame() {
            credentialEndpoint = null;
            respondWithProblem(HttpResponseStatus.REQUEST_TIMEOUT, "the request body did not arrive in time", ProxyHeaders.NONE, ProxyHeaders.NONE);
        }

        /** The next part of the client's body: read for routing while a credential request needs it, then sent on. */
        void content(HttpContent content) {
            if (credentialEndpoint != null) {
                ByteBuf bytes = content.content();
                int taken = Math.min(bytes.readableBytes(), credentialBody.length - credentialBodyLength);
                bytes.getBytes(bytes.readerIndex(), credentialBody, credentialBodyLength, taken);
                credentialBodyLength += taken;
                boolean complete = content instanceof LastHttpContent && taken == bytes.readableBytes();
                if (complete || credentialBodyLength == credentialBody.length) {
                    RequestRouter.CredentialEndpoint endpoint = credentialEndpoint;
                    credentialEndpoint = null;
                    route(router.route(request, endpoint, new BodyStart(credentialBody, credentialBodyLength, complete)));
                    credentialBody = null;
                }
            }
            requestContent(content);
        }

        void route(CompletableFuture<RequestRouter.Route> route) {
            route.whenComplete((routed, failure) -> {
                if (ctx.executor().inEventLoop()) {
                    routed(routed, failure);
                } else {
                    ctx.executor().execute(() -> routed(routed, failure));
                }
            });
        }

        private void routed(RequestRouter.Route route, Throwable failure) {
            if (done()) {
                if (route != null) {
                    route.reservation().ifPresent(router::signUpNotSent);
                }
                return;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof PlacementUnavailableException unavailable) {
                respondWithProblem(HttpResponseStatus.SERVICE_UNAVAILABLE, unavailable.getMessage(), ProxyHeaders.NONE, ProxyHeaders.NONE);
                return;
            }
            if (cause != null) {
                LOG.error("Routing failed for {} {}", request.method(), request.uri(), cause);
                respondWithProblem(HttpResponseStatus.SERVICE_UNAVAILABLE, "the router could not choose a cell", ProxyHeaders.NONE, ProxyHeaders.NONE);
                return;
            }
            plan = route.plan();
            reservation = route.reservation();
            if (canRetry()) {
                sentBody = new ArrayDeque<>(2);
            }
            send(0, plan.reason());
        }

        private void send(int attemptNumber, RouteReason why) {
            attempt = attemptNumber;
            cell = plan.cells().get(attemptNumber);
            reason = why;
            send(upstreams, cell.ingressUrl());
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
            return "cell " + cell.id();
        }

        @Override
        protected void connectFailed(Throwable cause) {
            LOG.debug("No connection to cell {} for {} {}: {}", cell.id(), request.method(), request.uri(), cause.toString());
            outcomes.failed(cell, FailureKind.CONNECT);
            reservation.ifPresent(router::signUpNotSent);
            reservation = Optional.empty();
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

        private void keepForResending(HttpContent content) {
            sentBodyBytes += content.content().readableBytes();
            if (sentBodyBytes > MAX_RESENT_BODY_BYTES) {
                releaseSentBody();
            } else {
                sentBody.add(content.retainedDuplicate());
            }
        }

        /**
         * Whether the request can go to the next cell: all that went to the first is kept. The body need not be
         * complete: a gateway may answer on the head alone, and the rest of the body then follows to the next cell.
         */
        private boolean canResend() {
            return canRetry() && sentBody != null;
        }

        /**
         * The cell's gateway answered that it could not serve the request (its app is down, say): the request
         * goes to the next cell, and this answer, unread, goes with the connection that carried it.
         */
        @Override
        protected boolean diverted(HttpResponse response) {
            if (!GATEWAY_FAILURES.contains(response.status().code()) || !canResend()) {
                return false;
            }
            LOG.debug("Cell {} answered {} to {} {}; resending it to the next cell", cell.id(), response.status().code(),
                    request.method(), request.uri());
            outcomes.responded(cell, response.status().code());
            ReferenceCountUtil.release(response);
            releaseUpstream(false);
            send(1, RouteReason.RETRY);
            return true;
        }

        @Override
        protected void responding(HttpResponse response) {
            releaseSentBody();
            status = response.status().code();
            outcomes.responded(cell, status);
            // A sign-up whose fate is unknown (its connection broke after it went) is never settled and keeps its
            // hold, so a retry goes to the same cell.
            reservation.ifPresent(hold -> router.signUpAnswered(hold, status));
            reservation = Optional.empty();
            if (bodyEndsWithConnection(response)) {
                // The cell marks the end of the body by closing its connection; the client needs a marker of its own.
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
            ProxyHeaders.prepareForClient(response, cell.id(), reason.headerValue(), keepAlive, clientVersion);
        }

        @Override
        protected void lost(Throwable cause) {
            LOG.debug("Connection to cell {} failed during {} {}: {}", cell.id(), request.method(), request.uri(), cause.toString());
            outcomes.failed(cell, FailureKind.CLOSED);
        }

        @Override
        protected void failedBeforeAnswer(Throwable cause) {
            if (canResend()) {
                // Whether the cell stored the request before it went is unknown; an idempotent request may go again.
                send(1, RouteReason.RETRY);
            } else {
                respondWithProblem(HttpResponseStatus.BAD_GATEWAY, "cell " + cell.id()
                        + (cause instanceof ClosedChannelException ? " closed the connection before answering" : " failed before answering"));
            }
        }

        @Override
        protected void silent() {
            outcomes.failed(cell, FailureKind.TIMEOUT);
        }

        @Override
        protected void answered(LastHttpContent last) {
            recordAnswer(status);
            releaseUpstream(upstreamReusable() && gate.requestDelivered());
            reply(last);
        }

        @Override
        protected void respondWithProblem(HttpResponseStatus problemStatus, String detail) {
            respondWithProblem(problemStatus, detail, cell.id(), reason.headerValue());
        }

        private void respondWithProblem(HttpResponseStatus problemStatus, String detail, String cellId, String why) {
            recordAnswer(problemStatus.code());
            releaseUpstream(false);
            FullHttpResponse response = problem(request, problemStatus, detail, cellId, why);
            if (problemStatus == HttpResponseStatus.SERVICE_UNAVAILABLE) {
                response.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
            }
            ProxyHeaders.connection(response.headers(), keepAlive && requestComplete(), clientVersion);
            reply(response);
        }

        /** Writes the end of the answer, then takes the next request, or ends a connection that cannot carry one. */
        private void reply(Object end) {
            exchange = null;
            if (!requestComplete()) {
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
            outcomes.answered(cell == null ? ProxyHeaders.NONE : cell.id(), answeredStatus, startNanos);
        }
    }
}
