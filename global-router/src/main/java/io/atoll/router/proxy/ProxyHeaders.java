package io.atoll.router.proxy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;

import java.util.List;

/** The headers the router reads, adds and removes. */
final class ProxyHeaders {
    static final AsciiString CELL = AsciiString.cached("X-Atoll-Cell");
    static final AsciiString ROUTE_REASON = AsciiString.cached("X-Atoll-Route-Reason");
    static final AsciiString ACCOUNT = AsciiString.cached("X-Atoll-Account");
    static final AsciiString RTT = AsciiString.cached("X-Atoll-Rtt");
    static final AsciiString CLIENT_REGION = AsciiString.cached("X-Client-Region");
    static final AsciiString FORWARDED_FOR = AsciiString.cached("X-Forwarded-For");
    static final AsciiString TRACEPARENT = AsciiString.cached("traceparent");
    static final AsciiString IDEMPOTENCY_KEY = AsciiString.cached("Idempotency-Key");
    /** Headers of one connection, not of the message: never forwarded (RFC 9110, section 7.6.1). */
    private static final List<AsciiString> HOP_BY_HOP = List.of(HttpHeaderNames.CONNECTION, HttpHeaderNames.KEEP_ALIVE,
            AsciiString.cached("Proxy-Connection"), HttpHeaderNames.PROXY_AUTHENTICATE, HttpHeaderNames.PROXY_AUTHORIZATION,
            HttpHeaderNames.TE, HttpHeaderNames.TRAILER, HttpHeaderNames.UPGRADE);

    private ProxyHeaders() {
    }

    /** Turns a client's request into the one sent to a cell: HTTP/1.1 over a pooled connection, client appended to X-Forwarded-For. */
    static void prepareForCell(HttpRequest request, String clientAddress) {
        HttpHeaders headers = request.headers();
        removeHopByHop(headers);
        request.setProtocolVersion(HttpVersion.HTTP_1_1);
        String forwardedFor = headers.get(FORWARDED_FOR);
        headers.set(FORWARDED_FOR, forwardedFor == null ? clientAddress : forwardedFor + ", " + clientAddress);
    }

    /** Turns a cell's response into the client's: says which cell answered and why, and whether the connection stays open. */
    static void prepareForClient(HttpResponse response, String cellId, String reason, boolean keepAlive, HttpVersion clientVersion) {
        HttpHeaders headers = response.headers();
        removeHopByHop(headers);
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

    private static void removeHopByHop(HttpHeaders headers) {
        String connection = headers.get(HttpHeaderNames.CONNECTION);
        if (connection != null) {
            for (String name : connection.split(",")) {
                headers.remove(name.trim());
            }
        }
        for (AsciiString name : HOP_BY_HOP) {
            headers.remove(name);
        }
    }
}
