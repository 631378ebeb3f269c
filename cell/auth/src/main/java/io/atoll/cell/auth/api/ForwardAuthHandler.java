package io.atoll.cell.auth.api;

import io.atoll.cell.auth.domain.Authorization;
import io.atoll.cell.auth.domain.RequestAuthorizer;
import io.atoll.cell.contracts.tracing.TraceContextFilter;
import io.atoll.cell.contracts.tracing.TraceParent;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;

import java.util.Optional;

/**
 * Answers {@code GET /auth/check} in the connection's pipeline, ahead of Micronaut's routing and filters,
 * when the answer is "yes" and known without verifying a signature: a token verified before, or a public
 * path. That is nearly every check a busy proxy sends (it repeats each member's token), and answering it here
 * costs a fraction of a trip through the framework. Everything else goes on to Micronaut untouched:
 * refusals (the controller writes their problem+json), tokens seen for the first time, other paths, and any
 * request arriving while an earlier one on the connection is still being answered, so that pipelined
 * answers keep their order.
 */
final class ForwardAuthHandler extends ChannelDuplexHandler {
    static final String NAME = "atoll-forward-auth";
    private static final AsciiString FORWARDED_METHOD = AsciiString.cached(ForwardAuthController.FORWARDED_METHOD);
    private static final AsciiString FORWARDED_URI = AsciiString.cached(ForwardAuthController.FORWARDED_URI);
    private static final AsciiString TRACE_PARENT = AsciiString.cached(TraceContextFilter.HEADER);

    private final RequestAuthorizer authorizer;
    private final Decisions decisions;
    private final PassedOnRequests passedOn = new PassedOnRequests();
    /** Whether the rest of a request answered here is still arriving, to be dropped. */
    private boolean droppingBody;

    ForwardAuthHandler(RequestAuthorizer authorizer, Decisions decisions) {
        this.authorizer = authorizer;
        this.decisions = decisions;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (droppingBody) {
            droppingBody = !(msg instanceof LastHttpContent);
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            Optional<Authorization> allowed = passedOn.none() ? allowedAtOnce(request) : Optional.empty();
            if (allowed.isPresent()) {
                answer(ctx, request, allowed.get());
                droppingBody = !(msg instanceof LastHttpContent);
                ReferenceCountUtil.release(msg);
                return;
            }
            passedOn.passedOn();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        passedOn.written(msg);
        ctx.write(msg, promise);
    }

    private Optional<Authorization> allowedAtOnce(HttpRequest request) {
        if (!request.decoderResult().isSuccess() || !HttpMethod.GET.equals(request.method())
                || !HttpVersion.HTTP_1_1.equals(request.protocolVersion()) || !isCheck(request.uri())
                || !HttpUtil.isKeepAlive(request) || HttpUtil.is100ContinueExpected(request)) {
            return Optional.empty();
        }
        HttpHeaders headers = request.headers();
        String method = headers.get(FORWARDED_METHOD);
        String uri = headers.get(FORWARDED_URI);
        if (method == null || uri == null) {
            return Optional.empty();
        }
        return authorizer.allowedFromMemory(method, uri, headers.get(HttpHeaderNames.AUTHORIZATION));
    }

    private static boolean isCheck(String uri) {
        return uri.startsWith(OwnRoutes.CHECK) && (uri.length() == OwnRoutes.CHECK.length() || uri.charAt(OwnRoutes.CHECK.length()) == '?');
    }

    private void answer(ChannelHandlerContext ctx, HttpRequest request, Authorization authorization) {
        decisions.allowedInPipeline(authorization);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.EMPTY_BUFFER);
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.CONTENT_LENGTH, 0);
        Decisions.identityHeaders(authorization).forEach(headers::set);
        TraceParent span = TraceParent.parse(request.headers().get(TRACE_PARENT)).map(TraceParent::child).orElseGet(TraceParent::newTrace);
        headers.set(TRACE_PARENT, span.header());
        ctx.writeAndFlush(response, ctx.voidPromise());
    }
}
