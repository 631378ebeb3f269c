package io.atoll.router.proxy;

import io.atoll.edge.BodyPrefix;
import io.atoll.edge.Decision;
import io.atoll.edge.EdgePolicy;
import io.atoll.edge.ProblemResponses;
import io.atoll.edge.RequestPolicy;
import io.atoll.edge.Upstream;
import io.atoll.router.domain.BodyStart;
import io.atoll.router.domain.Cell;
import io.atoll.router.domain.PlacementUnavailableException;
import io.atoll.router.domain.Reservation;
import io.atoll.router.domain.RoutePlan;
import io.atoll.router.domain.RouteReason;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The global router's policy on the edge: each request goes to the cell its {@link RequestRouter} plans, and to the
 * plan's next cell when the first fails before answering and the request may go twice (idempotent by method, or by
 * the {@code Idempotency-Key} a client vouches with). Every answer says which cell gave it and why; how each cell
 * answered feeds metrics and outlier detection, and a sign-up's answer settles its address's hold.
 */
@Singleton
final class CellRoutingPolicy implements EdgePolicy {
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT,
            HttpMethod.DELETE, HttpMethod.OPTIONS, HttpMethod.TRACE);
    /** The most of a credential request's body read to route it: a sign-up or token request is far smaller. */
    private static final int MAX_CREDENTIAL_BODY_BYTES = 4 * 1024;

    private final RequestRouter router;
    private final CellOutcomes outcomes;
    private final ProblemResponses problems;
    /** Each cell as the edge names it, made once per cell (a reloaded registry's cell is a new one) rather than per request. */
    private final Map<Cell, Upstream> upstreams = new ConcurrentHashMap<>();

    CellRoutingPolicy(RequestRouter router, CellOutcomes outcomes, ProblemResponses problems) {
        this.router = router;
        this.outcomes = outcomes;
        this.problems = problems;
    }

    @Override
    public RequestPolicy forRequest(HttpRequest head) {
        return new CellRequest(head, router.credentialEndpoint(head));
    }

    private Upstream upstream(Cell cell) {
        Upstream upstream = upstreams.get(cell);
        return upstream != null ? upstream : upstreams.computeIfAbsent(cell, added -> new Upstream(added.ingressUrl(), "cell " + added.id()));
    }

    @Override
    public void answeringMalformed(HttpHeaders headers) {
        saysNoCell(headers);
    }

    private static void saysNoCell(HttpHeaders headers) {
        headers.set(ProxyHeaders.CELL, ProxyHeaders.NONE).set(ProxyHeaders.ROUTE_REASON, ProxyHeaders.NONE);
    }

    /** One request's route, and what each cell it went to did with it. */
    private final class CellRequest implements RequestPolicy {
        private final HttpRequest request;
        /** Present for a request about an account's credentials, routed by the start of its body. */
        private final Optional<RequestRouter.CredentialEndpoint> credentials;
        private RoutePlan plan;
        /** The placement directory's hold on a sign-up's address, settled by the cell's answer. */
        private Optional<Reservation> reservation = Optional.empty();

        CellRequest(HttpRequest request, Optional<RequestRouter.CredentialEndpoint> credentials) {
            this.request = request;
            this.credentials = credentials;
        }

        @Override
        public int bodyBytesToDecide() {
            return credentials.isPresent() ? MAX_CREDENTIAL_BODY_BYTES : 0;
        }

        @Override
        public CompletionStage<Decision> decide(BodyPrefix body) {
            CompletableFuture<RequestRouter.Route> route = credentials
                    .map(endpoint -> router.route(request, endpoint, new BodyStart(body.bytes(), body.length(), body.complete())))
                    .orElseGet(() -> router.route(request));
            return route.handle((routed, failure) -> {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                if (cause instanceof PlacementUnavailableException unavailable) {
                    return new Decision.Answer(unavailable(unavailable.getMessage()));
                }
                if (cause != null) {
                    throw new CompletionException(cause);
                }
                plan = routed.plan();
                reservation = routed.reservation();
                List<Upstream> cells = plan.cells().stream().map(CellRoutingPolicy.this::upstream).toList();
                // A client that sends an Idempotency-Key vouches that the cell answers a repeat with the first outcome.
                boolean resendable = IDEMPOTENT.contains(request.method()) || request.headers().contains(ProxyHeaders.IDEMPOTENCY_KEY);
                return new Decision.Forward(cells, resendable);
            });
        }

        @Override
        public void connectFailed(int attempt, Throwable cause) {
            outcomes.failed(cell(attempt), FailureKind.CONNECT);
            notSent();
        }

        @Override
        public void lost(int attempt, Throwable cause) {
            outcomes.failed(cell(attempt), FailureKind.CLOSED);
        }

        @Override
        public void silent(int attempt) {
            outcomes.failed(cell(attempt), FailureKind.TIMEOUT);
        }

        /**
         * A sign-up whose fate is unknown (its connection broke after it went) is never settled and keeps its hold, so
         * that a retry goes to the same cell.
         */
        @Override
        public void responded(int attempt, HttpResponse response) {
            int status = response.status().code();
            outcomes.responded(cell(attempt), status);
            reservation.ifPresent(hold -> router.signUpAnswered(hold, status));
            reservation = Optional.empty();
            says(attempt, response.headers());
        }

        @Override
        public void answeringItself(int attempt, HttpHeaders headers) {
            says(attempt, headers);
        }

        @Override
        public void notSent() {
            reservation.ifPresent(router::signUpNotSent);
            reservation = Optional.empty();
        }

        @Override
        public void answered(int attempt, int status, long nanos) {
            outcomes.answered(attempt < 0 ? ProxyHeaders.NONE : cell(attempt).id(), status, nanos);
        }

        /** Which cell the answer is for, and why the request went there ({@code none} before any cell was tried). */
        private void says(int attempt, HttpHeaders headers) {
            if (attempt < 0) {
                saysNoCell(headers);
            } else {
                RouteReason reason = attempt == 0 ? plan.reason() : RouteReason.RETRY;
                headers.set(ProxyHeaders.CELL, cell(attempt).id()).set(ProxyHeaders.ROUTE_REASON, reason.headerValue());
            }
        }

        private Cell cell(int attempt) {
            return plan.cells().get(attempt);
        }

        private FullHttpResponse unavailable(String detail) {
            FullHttpResponse response = problems.problem(request, HttpResponseStatus.SERVICE_UNAVAILABLE, detail);
            response.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
            says(-1, response.headers());
            return response;
        }
    }
}
