package io.atoll.router.proxy;

import io.atoll.edge.AccessLogHandler;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;

/**
 * The router's access log: it sits between the HTTP codec and the edge's client connection, and takes the
 * cell and the route reason from the headers every answer carries ({@code X-Atoll-Cell}, {@code X-Atoll-Route-Reason}),
 * the cells' answers and the router's own alike.
 */
final class CellAccessLog extends AccessLogHandler {
    @Override
    protected Destination destination(String method, String target, HttpResponse response) {
        HttpHeaders headers = response.headers();
        return new Destination(headers.get(ProxyHeaders.CELL, NONE), headers.get(ProxyHeaders.ROUTE_REASON, NONE));
    }
}
