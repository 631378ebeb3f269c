package io.atoll.router.proxy;

import io.atoll.cell.contracts.EdgeHeaders;
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
}
