package io.atoll.edge;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Set;

/** What every proxy here does to the headers it passes on, whichever side it passes them to. */
public final class ForwardedHeaders {
    public static final AsciiString FORWARDED_FOR = AsciiString.cached("X-Forwarded-For");
    /** Headers of one connection, not of the message: never forwarded (RFC 9110, section 7.6.1). */
    private static final List<AsciiString> HOP_BY_HOP = List.of(HttpHeaderNames.CONNECTION, HttpHeaderNames.KEEP_ALIVE,
            AsciiString.cached("Proxy-Connection"), HttpHeaderNames.PROXY_AUTHENTICATE, HttpHeaderNames.PROXY_AUTHORIZATION,
            HttpHeaderNames.TE, HttpHeaderNames.TRAILER, HttpHeaderNames.UPGRADE);

    private ForwardedHeaders() {
    }

    /** Removes the hop-by-hop headers, including those the {@code Connection} header names. */
    public static void removeHopByHop(HttpHeaders headers) {
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

    /** Adds the address the request came from to the end of {@code X-Forwarded-For}. */
    public static void appendForwardedFor(HttpHeaders headers, String clientAddress) {
        headers.set(FORWARDED_FOR, forwardedFor(headers.get(FORWARDED_FOR), clientAddress));
    }

    /** The {@code X-Forwarded-For} value that adds the address the request came from to the one it arrived with (or none). */
    public static String forwardedFor(String arrived, String clientAddress) {
        return arrived == null ? clientAddress : arrived + ", " + clientAddress;
    }

    /**
     * The client an {@code X-Forwarded-For} value names, believing only the proxies trusted: from the last hop (the
     * one the proxy in front of the reader saw) leftwards past each trusted proxy, the first address that is not one.
     * Anything left of it could have been written by the client itself.
     */
    public static String clientBehind(String forwardedFor, Set<String> trustedProxies) {
        String[] hops = forwardedFor.split(",");
        int hop = hops.length - 1;
        while (hop > 0 && trustedProxies.contains(hops[hop].trim())) {
            hop--;
        }
        String client = hops[hop].trim();
        return client.isEmpty() ? "unknown" : client;
    }

    /** A connection's peer as {@code X-Forwarded-For} names it: its IP address. */
    public static String peerAddress(SocketAddress remote) {
        return remote instanceof InetSocketAddress address ? address.getAddress().getHostAddress() : String.valueOf(remote);
    }

    /** Says whether the client's connection stays open after this answer, in the terms of the client's HTTP version. */
    public static void connection(HttpHeaders headers, boolean keepAlive, HttpVersion clientVersion) {
        if (!keepAlive) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (clientVersion.equals(HttpVersion.HTTP_1_0)) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
    }
}
