package io.atoll.router.proxy;

import io.atoll.cell.contracts.EdgeHeaders;
import io.atoll.cell.contracts.proxy.ForwardedHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;

/** The headers the router reads, adds and removes. */
final class ProxyHeaders {
    static final AsciiString CELL = AsciiString.cached(EdgeHeaders.CELL);
    static final AsciiString ROUTE_REASON = AsciiString.cached(EdgeHeaders.ROUTE_REASON);
    static final AsciiString ACCOUNT = AsciiString.cached(EdgeHeaders.ACCOUNT);
    static final AsciiString RTT = AsciiString.cached(EdgeHeaders.RTT);
    static final AsciiString CLIENT_REGION = AsciiString.cached(EdgeHeaders.CLIENT_REGION);
    static final AsciiString IDEMPOTENCY_KEY = AsciiString.cached("Idempotency-Key");
    /** The value of {@link #CELL} and {@link #ROUTE_REASON} for a request no cell saw. */
    static final String NONE = "none";

    private ProxyHeaders() {
    }

    /** Turns a client's request into the one sent to a cell: HTTP/1.1 over a pooled connection, client appended to X-Forwarded-For. */
    static void prepareForCell(HttpRequest request, String clientAddress) {
        ForwardedHeaders.removeHopByHop(request.headers());
        request.setProtocolVersion(HttpVersion.HTTP_1_1);
        ForwardedHeaders.appendForwardedFor(request.headers(), clientAddress);
    }

    /** Turns a cell's response into the client's: says which cell answered and why, and whether the connection stays open. */
    static void prepareForClient(HttpResponse response, String cellId, String reason, boolean keepAlive, HttpVersion clientVersion) {
        HttpHeaders headers = response.headers();
        ForwardedHeaders.removeHopByHop(headers);
        headers.set(CELL, cellId).set(ROUTE_REASON, reason);
        connection(headers, keepAlive, clientVersion);
    }

    static void connection(HttpHeaders headers, boolean keepAlive, HttpVersion clientVersion) {
        if (!keepAlive) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (clientVersion.equals(HttpVersion.HTTP_1_0)) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
    }
}
