package io.atoll.cell.auth.api;

import io.atoll.cell.auth.domain.Authorization;
import io.atoll.edge.AccessLogHandler;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.AsciiString;

/**
 * The ingress's access log. The cell is this one; the route reason is the ingress's decision: the authorization of a
 * request for the app or of a forward-auth check, or {@code own} for the service's own endpoints. The policy makes it
 * and it travels to this handler on the answer, in the {@link #DECISION} header, which the handler removes: the client
 * never sees it. An answer without one was given before any decision ({@code none}).
 */
final class IngressAccessLog extends AccessLogHandler {
    static final String DECISION = "X-Atoll-Ingress-Decision";
    private static final AsciiString DECISION_HEADER = AsciiString.cached(DECISION);

    private final String cellId;

    IngressAccessLog(String cellId) {
        this.cellId = cellId;
    }

    /** The value of the {@link #DECISION} header for an authorization: what the access log names it. */
    static String decision(Authorization authorization) {
        if (authorization instanceof Authorization.Granted) {
            return "granted";
        }
        if (authorization instanceof Authorization.Anonymous) {
            return "anonymous";
        }
        if (authorization instanceof Authorization.Unauthenticated) {
            return "unauthenticated";
        }
        return authorization instanceof Authorization.Forbidden ? "forbidden" : "uncovered";
    }

    @Override
    protected Destination destination(String method, String target, HttpResponse response) {
        String decided = response.headers().get(DECISION_HEADER);
        response.headers().remove(DECISION_HEADER);
        return new Destination(cellId, decided == null ? NONE : decided);
    }
}
