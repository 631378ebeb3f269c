package io.atoll.cell.auth.api;

import io.atoll.cell.auth.domain.Authorization;
import io.atoll.cell.contracts.IdentityHeaders;
import io.atoll.edge.EarlyAnswerGate;
import io.atoll.edge.ForwardedHeaders;
import io.atoll.edge.LingeringClose;
import io.atoll.edge.ProxiedExchange;
import io.atoll.edge.ReadTimeouts;
import io.atoll.edge.UpstreamConnections;
import io.atoll.cell.contracts.tracing.TraceContextFilter;
import io.atoll.cell.contracts.tracing.TraceParent;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Optional;

/**
 * Forwards allowed requests to the cell's app from the connection's pipeline, ahead of Micronaut's routing and
 * filters. A token verified before, or a public path, is decided from memory at once; a token seen for the first
 * time is verified off the event loop while the connection reads no further, and its request is forwarded here too
 * once allowed. Forwarding here costs a fraction of the framework's proxy ({@link IngressProxyFilter}), and only
 * here does an answer the app gives before the body has arrived reach the client whatever the app does with its
 * connection. The request and the answer stream through over a pooled connection of the same event loop, with
 * back-pressure both ways; an {@code Expect: 100-continue} goes on to the app, whose interim answer comes back.
 *
 * <p>A body declared larger than the server's limit is refused here (413) before any of it is read. Everything else
 * goes on to Micronaut untouched, where the filter decides it: the service's own endpoints, refusals (answered there
 * with problem+json), anything but a keep-alive HTTP/1.1 request, and any request arriving while Micronaut is still answering an
 * earlier one on the connection, so that answers keep the order of the requests.
 */
final class IngressProxyHandler extends ChannelDuplexHandler {
    static final String NAME = "atoll-ingress-proxy";
    private static final Logger LOG = LoggerFactory.getLogger(IngressProxyHandler.class);
    private static final AsciiString TRACE_PARENT = AsciiString.cached(TraceContextFilter.HEADER);
    private static final AsciiString DECISION = AsciiString.cached(IngressAccessLog.DECISION);

    private final IngressUpstream upstream;
    private final PassedOnRequests passedOn = new PassedOnRequests();
    /** Messages that arrived while a forwarded request, complete, waits for its answer: the next requests. */
    private final ArrayDeque<Object> waiting = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private Exchange exchange;
    /** A request whose token is being verified for the first time; what arrives meanwhile waits. */
    private HttpRequest deciding;
    /** Whether a read asked for by the handlers behind this one is held back until the exchange can take more. */
    private boolean readHeldBack;
    private ReadTimeouts readTimeouts;
    /** The pool of this connection's event loop, looked up once rather than for every request. */
    private UpstreamConnections connections;
    /** The peer, as {@code X-Forwarded-For} names it, worked out once for all the connection's requests. */
    private String clientAddress;

    IngressProxyHandler(IngressUpstream upstream) {
        this.upstream = upstream;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.readTimeouts = new ReadTimeouts(ctx.executor(), () -> exchange);
        this.connections = upstream.connectionsFor(ctx.channel());
        // An accepted connection knows its peer from the start.
        this.clientAddress = ForwardedHeaders.peerAddress(ctx.channel().remoteAddress());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (deciding != null || !waiting.isEmpty() || (exchange != null && exchange.requestComplete())) {
            waiting.add(msg);
            return;
        }
        take(msg);
    }

    private void take(Object msg) {
        if (exchange != null) {
            exchange.requestContent((HttpContent) msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            HttpResponseStatus tooLong = passedOn.none() ? tooLong(request) : null;
            if (tooLong != null) {
                refuseTooLong(request, tooLong);
                return;
            }
            if (passedOn.none() && HttpUtil.getContentLength(request, 0L) > upstream.maxRequestBytes()) {
                refuseTooLarge(request);
                return;
            }
            if (passedOn.none() && forwardable(request)) {
                Optional<Authorization> remembered = upstream.authorizer().allowedFromMemory(request.method().name(), request.uri(),
                        request.headers().get(HttpHeaderNames.AUTHORIZATION));
                if (remembered.isPresent()) {
                    forward(request, remembered.get());
                } else {
                    decide(request);
                }
                return;
            }
            passedOn.passedOn();
        }
        ctx.fireChannelRead(msg);
    }

    private void forward(HttpRequest request, Authorization authorization) {
        exchange = new Exchange(request, authorization);
        exchange.start();
        if (request instanceof HttpContent content) {
            exchange.requestContent(content);
        }
    }

    /** Verifies the request's token, which memory does not hold, off the event loop; the connection reads no more meanwhile. */
    private void decide(HttpRequest request) {
        deciding = request;
        upstream.authorizer().authorize(request.method().name(), request.uri(), request.headers().get(HttpHeaderNames.AUTHORIZATION))
                .whenComplete((authorization, failure) -> ctx.executor().execute(() -> decided(request, failure == null ? authorization : null)));
    }

    private void decided(HttpRequest request, Authorization authorization) {
        if (deciding != request) {
            // The connection ended while the token was verified.
            return;
        }
        deciding = null;
        if (authorization instanceof Authorization.Granted || authorization instanceof Authorization.Anonymous) {
            forward(request, authorization);
        } else {
            // Refusals, and a verification that failed, are answered by the framework's filter with problem+json.
            passedOn.passedOn();
            ctx.fireChannelRead(request);
        }
        takeWaiting();
        resumeReading();
    }

    /** Takes the messages that arrived meanwhile, up to the end of the next request that is forwarded from here. */
    private void takeWaiting() {
        while (!waiting.isEmpty() && deciding == null && (exchange == null || !exchange.requestComplete())) {
            take(waiting.poll());
        }
        // What was passed on came outside a read of the client: the handlers behind still expect its end.
        ctx.fireChannelReadComplete();
        if (exchange != null) {
            exchange.flushUpstream();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (exchange != null) {
            exchange.flushUpstream();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        if (canTakeMore()) {
            ctx.read();
        } else {
            readHeldBack = true;
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        passedOn.written(msg);
        ctx.write(msg, promise);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (exchange != null) {
            exchange.clientWritabilityChanged();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (exchange != null) {
            exchange.abandon();
            exchange = null;
        }
        if (deciding != null) {
            ReferenceCountUtil.release(deciding);
            deciding = null;
        }
        waiting.forEach(ReferenceCountUtil::release);
        waiting.clear();
        ctx.fireChannelInactive();
    }

    /**
     * Whether the client may send more: not while a token is verified, nor while requests wait behind the current one, nor while its body has
     * nowhere to go (the app's connection not ready yet, or not taking more).
     */
    private boolean canTakeMore() {
        return deciding == null && waiting.isEmpty() && (exchange == null || exchange.canTakeBody());
    }

    private void resumeReading() {
        if (readHeldBack && canTakeMore()) {
            readHeldBack = false;
            ctx.read();
        }
    }

    /** The status for a request whose head was too long to read (the decoder gave up on it), or null. */
    private static HttpResponseStatus tooLong(HttpRequest request) {
        Throwable cause = request.decoderResult().cause();
        return cause instanceof TooLongHttpHeaderException ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                : cause instanceof TooLongHttpLineException ? HttpResponseStatus.REQUEST_URI_TOO_LONG : null;
    }

    /** Answers a head too long to read, which the framework would call a body too large; the decoder reads no more of the connection. */
    private void refuseTooLong(HttpRequest request, HttpResponseStatus status) {
        FullHttpResponse response = upstream.problems().problem(request, status, request.decoderResult().cause().getMessage());
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ReferenceCountUtil.release(request);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    /**
     * Answers a body declared larger than the server's limit before any of it is read, then reads and drops what the
     * client still sends, so that neither a reset loses the answer nor the rest of the body is taken for a next request.
     */
    private void refuseTooLarge(HttpRequest request) {
        FullHttpResponse response = upstream.problems().problem(request, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                "the request body is larger than " + upstream.maxRequestBytes() + " bytes");
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ReferenceCountUtil.release(request);
        LingeringClose.closeAfter(ctx, response);
    }

    /** Whether the request is one this handler forwards once allowed; the framework takes the others. */
    private boolean forwardable(HttpRequest request) {
        HttpHeaders headers = request.headers();
        if (!request.decoderResult().isSuccess() || !HttpVersion.HTTP_1_1.equals(request.protocolVersion())
                || !HttpUtil.isKeepAlive(request) || headers.contains(HttpHeaderNames.UPGRADE)) {
            return false;
        }
        String target = request.uri();
        if (!target.startsWith("/")) {
            return false;
        }
        int query = target.indexOf('?');
        return !OwnRoutes.isOwn(request.method().name(), query < 0 ? target : target.substring(0, query));
    }

    /** One forwarded request and its answer. */
    private final class Exchange extends ProxiedExchange {
        /** This service's span of the request's trace, sent on to the app and back to the client. */
        private final String span;
        /** The decision, as the access log names it. */
        private final String decision;
        /** The gate of the connection to the app. */
        private EarlyAnswerGate gate;
        /** Whether the client's connection ends after this answer, which came before the request's body had all arrived. */
        private boolean answeredEarly;

        Exchange(HttpRequest request, Authorization authorization) {
            super(IngressProxyHandler.this.ctx, request, upstream.readTimeout(), readTimeouts);
            this.decision = IngressAccessLog.decision(authorization);
            this.span = TraceParent.parse(request.headers().get(TRACE_PARENT)).map(TraceParent::child).orElseGet(TraceParent::newTrace).header();
            upstream.decisions().allowed(authorization);
            HttpHeaders headers = request.headers();
            ForwardedHeaders.removeHopByHop(headers);
            IdentityHeaders.ALL.forEach(headers::remove);
            Decisions.identityHeaders(authorization).forEach(headers::set);
            ForwardedHeaders.appendForwardedFor(headers, clientAddress);
            headers.set(TRACE_PARENT, span);
        }

        void start() {
            send(connections, upstream.url());
        }

        @Override
        protected void headSent(Channel connection) {
            gate = EarlyAnswerGate.on(connection);
        }

        @Override
        protected String upstreamName() {
            return "the upstream service";
        }

        @Override
        protected void clientMayContinue() {
            resumeReading();
        }

        @Override
        protected void connectFailed(Throwable cause) {
            LOG.debug("No connection to the app at {} for {} {}: {}", upstream.url(), request.method(), request.uri(), cause.toString());
            respondWithProblem(HttpResponseStatus.BAD_GATEWAY, "the upstream service could not be reached");
        }

        @Override
        protected void responding(HttpResponse response) {
            HttpHeaders headers = response.headers();
            ForwardedHeaders.removeHopByHop(headers);
            headers.set(TRACE_PARENT, span).set(DECISION, decision);
            endEarlyAnswer(headers);
            if (bodyEndsWithConnection(response)) {
                // The app marks the end of this body by closing its connection; the client's stays open, so it needs a marker.
                HttpUtil.setTransferEncodingChunked(response, true);
            }
        }

        @Override
        protected void lost(Throwable cause) {
            LOG.debug("The app's connection failed during {} {}: {}", request.method(), request.uri(), cause.toString());
        }

        @Override
        protected void failedBeforeAnswer(Throwable cause) {
            respondWithProblem(HttpResponseStatus.BAD_GATEWAY, "the upstream service failed before answering");
        }

        @Override
        protected void answered(LastHttpContent last) {
            finish();
            upstream.forwarded();
            releaseUpstream(upstreamReusable() && gate.requestDelivered());
            reply(last);
        }

        @Override
        protected void respondWithProblem(HttpResponseStatus status, String detail) {
            finish();
            upstream.failed();
            releaseUpstream(false);
            FullHttpResponse response = upstream.problems().problem(request, status, detail);
            response.headers().set(TRACE_PARENT, span).set(DECISION, decision);
            endEarlyAnswer(response.headers());
            reply(response);
        }

        /** An answer that comes before the request's body has all arrived ends the connection: the rest of the body is dropped. */
        private void endEarlyAnswer(HttpHeaders headers) {
            if (!requestComplete()) {
                answeredEarly = true;
                headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            }
        }

        /** Writes the end of the answer, then takes the next request, or ends the connection after an early answer. */
        private void reply(Object end) {
            exchange = null;
            if (!requestComplete()) {
                LingeringClose.closeAfter(client, end);
                return;
            }
            if (answeredEarly) {
                client.writeAndFlush(end).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            client.writeAndFlush(end, client.voidPromise());
            if (!waiting.isEmpty()) {
                takeWaiting();
            }
            resumeReading();
        }

        @Override
        protected void abortClient() {
            finish();
            upstream.failed();
            exchange = null;
            client.close();
        }
    }
}
