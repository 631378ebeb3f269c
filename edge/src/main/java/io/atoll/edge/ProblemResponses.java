package io.atoll.edge;

import io.atoll.cell.contracts.problem.Problem;
import io.atoll.cell.contracts.tracing.TraceContextFilter;
import io.atoll.cell.contracts.tracing.TraceParent;
import io.micronaut.json.JsonMapper;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A proxy's own error answers, written on Netty directly: problem+json, as every Atoll service answers errors,
 * quoting the trace of the request's {@code traceparent}.
 */
@Singleton
public final class ProblemResponses {
    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    /** A complete error response to this request. */
    public FullHttpResponse problem(HttpRequest request, HttpResponseStatus status, String detail) {
        String path = request.uri();
        int query = path.indexOf('?');
        String traceId = TraceParent.parse(request.headers().get(TraceContextFilter.HEADER)).map(TraceParent::traceId).orElse(null);
        Problem problem = new Problem("about:blank", status.reasonPhrase(), status.code(), detail,
                query < 0 ? path : path.substring(0, query), traceId, null);
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, Problem.CONTENT_TYPE).setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }
}
