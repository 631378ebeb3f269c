package io.atoll.cell.contracts.tracing;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Map;

/**
 * Gives every request a trace: the caller's {@code traceparent} when it sends a valid one, a new trace
 * otherwise. The trace id goes into the logging context (every log line of the request carries it), the
 * request carries this service's span onward (so a proxied call continues the trace), and the response
 * tells the caller which trace to quote.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class TraceContextFilter implements Ordered {
    public static final String HEADER = "traceparent";
    /** Request attribute holding the trace id, for code that reports it (error bodies, audit records). */
    public static final String TRACE_ID = "atoll.trace-id";
    /** The logging context key of the trace id. */
    public static final String MDC_KEY = "trace_id";
    private static final String SPAN = "atoll.traceparent";

    @RequestFilter
    public void enter(MutableHttpRequest<?> request, MutablePropagatedContext context) {
        TraceParent span = TraceParent.parse(request.getHeaders().get(HEADER)).map(TraceParent::child).orElseGet(TraceParent::newTrace);
        request.setAttribute(TRACE_ID, span.traceId());
        request.setAttribute(SPAN, span.header());
        request.getHeaders().set(HEADER, span.header());
        context.add(new MdcPropagationContext(Map.of(MDC_KEY, span.traceId())));
    }

    @ResponseFilter
    public void leave(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(SPAN, String.class).ifPresent(header -> response.getHeaders().set(HEADER, header));
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
