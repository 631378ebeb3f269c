package io.atoll.edge;

import io.atoll.cell.contracts.tracing.TraceContextFilter;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.ArrayDeque;

import static net.logstash.logback.argument.StructuredArguments.kv;
import static net.logstash.logback.argument.StructuredArguments.v;

/**
 * Writes the access log ({@value #LOGGER}) of an HTTP/1.1 server connection: one line per request, when the end of
 * its answer is written, with its trace id, method, route template, status, body bytes, duration, the cell that
 * served it and why it went where it did. It sits right after the HTTP codec, so it sees each request as it arrives
 * and each answer as it leaves; answers leave in the order of the requests, so the oldest request waiting is the one
 * being answered. A request whose client leaves before its answer is logged with status 499.
 *
 * <p>Each edge says, from the head of an answer, which cell served the request and the reason of its route: the
 * router's routing decision, the ingress's authorization.
 */
public abstract class AccessLogHandler extends ChannelDuplexHandler {
    public static final String LOGGER = "atoll.access";
    /** What the log says of a cell or a reason no answer named. */
    public static final String NONE = "none";
    private static final Logger ACCESS = LoggerFactory.getLogger(LOGGER);
    private static final int CLIENT_CLOSED = 499;
    private static final String MESSAGE = "{} {} {} {} bytes in {} ms at {} ({})";
    private static final AsciiString TRACE_PARENT = AsciiString.cached(TraceContextFilter.HEADER);

    /** Decided once per connection, so that a change of level never pairs a request with another's answer. */
    private final boolean enabled = ACCESS.isInfoEnabled();
    private final ArrayDeque<Entry> waiting = new ArrayDeque<>(2);
    /** The request whose answer is being written; null between answers. */
    private Entry answering;
    /** Whether an interim answer ("100 Continue") is being written, whose end is not the end of the answer. */
    private boolean interim;

    /** Where an answer says the request went, and why. */
    public record Destination(String cell, String reason) {
    }

    /**
     * The cell and route reason of an answer about to be written, from its head; an edge that carries them in
     * internal headers removes them here, before the client sees the answer.
     */
    protected abstract Destination destination(String method, String target, HttpResponse response);

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (enabled && msg instanceof HttpRequest request) {
            waiting.add(new Entry(request.method().name(), request.uri(), request.headers().get(TRACE_PARENT)));
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        Entry ended = null;
        if (msg instanceof HttpResponse response) {
            if (response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                interim = !(msg instanceof LastHttpContent);
                ctx.write(msg, promise);
                return;
            }
            answering = waiting.poll();
            if (answering != null) {
                answering.responding(response, destination(answering.method, answering.target, response));
            }
        } else if (interim) {
            interim = !(msg instanceof LastHttpContent);
            ctx.write(msg, promise);
            return;
        }
        if (answering != null && msg instanceof HttpContent content) {
            answering.bytes += content.content().readableBytes();
            if (msg instanceof LastHttpContent) {
                ended = answering;
                answering = null;
            }
        }
        ctx.write(msg, promise);
        if (ended != null) {
            ended.log();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (answering != null) {
            answering.log();
            answering = null;
        }
        for (Entry unanswered : waiting) {
            unanswered.status = CLIENT_CLOSED;
            unanswered.log();
        }
        waiting.clear();
        ctx.fireChannelInactive();
    }

    /** The trace id of a {@code traceparent} header ({@code 00-<trace id>-<span id>-<flags>}), or null. */
    static String traceId(String traceParent) {
        if (traceParent == null || traceParent.length() < 55 || traceParent.charAt(2) != '-' || traceParent.charAt(35) != '-') {
            return null;
        }
        return traceParent.substring(3, 35);
    }

    /** One request, from its arrival to the end of its answer. */
    private static final class Entry {
        private final long startNanos = System.nanoTime();
        private final String method;
        private final String target;
        private String traceParent;
        private int status;
        private long bytes;
        private Destination destination = new Destination(NONE, NONE);

        Entry(String method, String target, String traceParent) {
            this.method = method;
            this.target = target;
            this.traceParent = traceParent;
        }

        void responding(HttpResponse response, Destination answered) {
            status = response.status().code();
            destination = answered;
            // The server continues the client's trace, or starts one when the client sent none: its answer names it.
            String answeredTrace = response.headers().get(TRACE_PARENT);
            if (answeredTrace != null) {
                traceParent = answeredTrace;
            }
        }

        void log() {
            double durationMillis = Math.round((System.nanoTime() - startNanos) / 1_000.0) / 1_000.0;
            String traceId = traceId(traceParent);
            if (traceId != null && traceId.equals(MDC.get(TraceContextFilter.MDC_KEY))) {
                // Written inside the request's own logging context: the line carries its trace id already.
                ACCESS.info(MESSAGE, v("method", method), v("route", RouteTemplate.of(target)), v("status", status), v("bytes", bytes),
                        v("duration_ms", durationMillis), v("cell", destination.cell()), v("route_reason", destination.reason()));
            } else {
                ACCESS.info(MESSAGE, v("method", method), v("route", RouteTemplate.of(target)), v("status", status), v("bytes", bytes),
                        v("duration_ms", durationMillis), v("cell", destination.cell()), v("route_reason", destination.reason()),
                        kv(TraceContextFilter.MDC_KEY, traceId));
            }
        }
    }
}
