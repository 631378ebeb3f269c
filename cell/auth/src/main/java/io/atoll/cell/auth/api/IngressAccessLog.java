package io.atoll.cell.auth.api;

import io.atoll.cell.auth.domain.Authorization;
import io.atoll.edge.AccessLogHandler;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.AsciiString;

/**
 * The ingress's access log, whichever way a request went — forwarded from the pipeline by the
 * {@link IngressProxyHandler}, answered by the {@link ForwardAuthHandler}, or handled by Micronaut (the
 * {@link IngressProxyFilter}, the service's own endpoints). The cell is this one; the route reason is the
 * authorization decision. That is taken where it is made, in three places, and travels to this handler on the
 * answer, in the {@link #DECISION} header, which the handler removes: the client never sees it. An answer without
 * one is for the service's own endpoint ({@code own}) or was given before any decision ({@code none}).
 */
final class IngressAccessLog extends AccessLogHandler {
    static final String NAME = "atoll-access-log";
    static final String DECISION = "X-Atoll-Ingress-Decision";
    private static final AsciiString DECISION_HEADER = AsciiString.cached(DECISION);
    private static final String OWN = "own";

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
        if (decided != null) {
            response.headers().remove(DECISION_HEADER);
            return new Destination(cellId, decided);
        }
        int query = target.indexOf('?');
        return new Destination(cellId, OwnRoutes.isOwn(method, query < 0 ? target : target.substring(0, query)) ? OWN : NONE);
    }
}
