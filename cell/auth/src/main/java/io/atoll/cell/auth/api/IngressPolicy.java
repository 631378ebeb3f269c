package io.atoll.cell.auth.api;

import io.atoll.cell.auth.domain.Authorization;
import io.atoll.cell.auth.domain.RequestAuthorizer;
import io.atoll.cell.contracts.IdentityHeaders;
import io.atoll.cell.contracts.problem.ProblemException;
import io.atoll.cell.contracts.tracing.TraceContextFilter;
import io.atoll.cell.contracts.tracing.TraceParent;
import io.atoll.edge.BodyPrefix;
import io.atoll.edge.Decision;
import io.atoll.edge.EdgePolicy;
import io.atoll.edge.ProblemResponses;
import io.atoll.edge.RequestPolicy;
import io.atoll.edge.Upstream;
import io.micrometer.core.instrument.Counter;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The cell ingress's policy on the edge. The service's own endpoints (sign-up, tokens, JWKS, metadata, probes) go to
 * the Micronaut application behind it; {@code /auth/check} (forward-auth) is answered here; every other request is
 * authorised and, when allowed, goes to the app as the verified member, with the client's identity headers replaced
 * by verified ones. A token verified before, or a public path, is decided from memory at once; a token seen for the
 * first time is verified off the event loop while the edge holds the connection. Refusals are problem+json with the
 * {@code WWW-Authenticate} challenge of RFC 6750.
 */
final class IngressPolicy implements EdgePolicy {
    static final String FORWARDED_METHOD = "X-Forwarded-Method";
    static final String FORWARDED_URI = "X-Forwarded-Uri";
    private static final AsciiString TRACE_PARENT = AsciiString.cached(TraceContextFilter.HEADER);
    private static final AsciiString DECISION = AsciiString.cached(IngressAccessLog.DECISION);
    private static final String OWN = "own";

    private final RequestAuthorizer authorizer;
    private final Decisions decisions;
    private final ProblemResponses problems;
    private final Upstream app;
    private final Upstream ownEndpoints;
    private final long maxRequestBytes;
    private final int ownRequestMaxBytes;
    private final Counters counters;

    /**
     * @param maxRequestBytes the largest body the ingress passes on
     * @param ownRequestMaxBytes the largest body the service's own endpoints take
     */
    IngressPolicy(RequestAuthorizer authorizer, Decisions decisions, ProblemResponses problems, Upstream app, Upstream ownEndpoints,
                  long maxRequestBytes, int ownRequestMaxBytes, Counters counters) {
        this.authorizer = authorizer;
        this.decisions = decisions;
        this.problems = problems;
        this.app = app;
        this.ownEndpoints = ownEndpoints;
        this.maxRequestBytes = maxRequestBytes;
        this.ownRequestMaxBytes = ownRequestMaxBytes;
        this.counters = counters;
    }

    @Override
    public RequestPolicy forRequest(HttpRequest head) {
        return new IngressRequest(head);
    }

    /**
     * What the ingress counts of the requests it passes on.
     *
     * @param forwarded answers of the app passed on whole
     * @param failed requests passed on that the app did not answer (502, 504, or a cut connection)
     * @param fromMemory decisions taken without verifying a signature: a token verified before, or a public path
     */
    record Counters(Counter forwarded, Counter failed, Counter fromMemory) {
    }

    /** One request's decision, and the span of its trace the ingress opens. */
    private final class IngressRequest implements RequestPolicy {
        private final HttpRequest request;
        private final String span;
        /** The decision, as the access log names it. */
        private String decision = IngressAccessLog.NONE;
        private boolean toApp;
        private boolean failed;

        IngressRequest(HttpRequest request) {
            this.request = request;
            this.span = TraceParent.parse(request.headers().get(TRACE_PARENT)).map(TraceParent::child).orElseGet(TraceParent::newTrace).header();
        }

        @Override
        public CompletionStage<Decision> decide(BodyPrefix body) {
            String target = request.uri();
            if (!target.startsWith("/")) {
                return answer(problem(HttpResponseStatus.BAD_REQUEST, "the request target must be a path"));
            }
            long length = HttpUtil.getContentLength(request, -1L);
            if (length > maxRequestBytes) {
                return answer(problem(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "the request body is larger than " + maxRequestBytes + " bytes"));
            }
            HttpHeaders headers = request.headers();
            IdentityHeaders.ALL.forEach(headers::remove);
            headers.set(TRACE_PARENT, span);
            int query = target.indexOf('?');
            String path = query < 0 ? target : target.substring(0, query);
            String method = request.method().name();
            if (!OwnRoutes.isOwn(method, path)) {
                return authorization(method, target, headers.get(HttpHeaderNames.AUTHORIZATION)).thenApply(this::forwardToApp);
            }
            if (path.equals(OwnRoutes.CHECK)) {
                return check(headers);
            }
            decision = OWN;
            if (length > ownRequestMaxBytes) {
                return answer(problem(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "this endpoint accepts at most " + ownRequestMaxBytes + " bytes"));
            }
            if (length < 0 && HttpUtil.isTransferEncodingChunked(request)) {
                return answer(problem(HttpResponseStatus.LENGTH_REQUIRED, "this endpoint needs a Content-Length"));
            }
            return CompletableFuture.completedFuture(Decision.Forward.to(ownEndpoints));
        }

        private Decision forwardToApp(Authorization authorization) {
            decision = IngressAccessLog.decision(authorization);
            Optional<ProblemException> refusal = decisions.proxyRefusal(authorization);
            if (refusal.isPresent()) {
                return new Decision.Answer(refused(refusal.get()));
            }
            Decisions.identityHeaders(authorization).forEach(request.headers()::set);
            toApp = true;
            return Decision.Forward.to(app);
        }

        /** Forward-auth: the proxy in front asks about the request it names, and passes it on with the identity headers of a 200. */
        private CompletionStage<Decision> check(HttpHeaders headers) {
            String method = headers.get(FORWARDED_METHOD);
            String uri = headers.get(FORWARDED_URI);
            if (method == null || uri == null) {
                return answer(problem(HttpResponseStatus.BAD_REQUEST, FORWARDED_METHOD + " and " + FORWARDED_URI + " are required"));
            }
            return authorization(method, uri, headers.get(HttpHeaderNames.AUTHORIZATION)).thenApply(authorization -> {
                decision = IngressAccessLog.decision(authorization);
                Optional<ProblemException> refusal = decisions.refusal(authorization);
                if (refusal.isPresent()) {
                    return new Decision.Answer(refused(refusal.get()));
                }
                FullHttpResponse allowed = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.EMPTY_BUFFER);
                allowed.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
                Decisions.identityHeaders(authorization).forEach(allowed.headers()::set);
                ours(allowed.headers());
                return new Decision.Answer(allowed);
            });
        }

        private CompletableFuture<Authorization> authorization(String method, String target, String bearer) {
            Optional<Authorization> remembered = authorizer.allowedFromMemory(method, target, bearer);
            if (remembered.isPresent()) {
                counters.fromMemory().increment();
                return CompletableFuture.completedFuture(remembered.get());
            }
            return authorizer.authorize(method, target, bearer);
        }

        @Override
        public void lost(int attempt, Throwable cause) {
            failed = true;
        }

        @Override
        public void responded(int attempt, HttpResponse response) {
            ours(response.headers());
        }

        @Override
        public void answeringItself(int attempt, HttpHeaders headers) {
            failed |= attempt >= 0;
            ours(headers);
        }

        @Override
        public void answered(int attempt, int status, long nanos) {
            if (toApp) {
                (failed ? counters.failed() : counters.forwarded()).increment();
            }
        }

        /** The ingress's span of the trace, and the decision the access log takes off the answer. */
        private void ours(HttpHeaders headers) {
            headers.set(TRACE_PARENT, span).set(DECISION, decision);
        }

        private CompletableFuture<Decision> answer(FullHttpResponse response) {
            return CompletableFuture.completedFuture(new Decision.Answer(response));
        }

        private FullHttpResponse refused(ProblemException refusal) {
            FullHttpResponse response = problem(HttpResponseStatus.valueOf(refusal.status().getCode()), refusal.detail());
            refusal.headers().forEach(response.headers()::set);
            return response;
        }

        private FullHttpResponse problem(HttpResponseStatus status, String detail) {
            FullHttpResponse response = problems.problem(request, status, detail);
            ours(response.headers());
            return response;
        }
    }
}
