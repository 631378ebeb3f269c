package io.atoll.cell.contracts.tracing;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A W3C Trace Context {@code traceparent}: which trace a request belongs to and which span sent it.
 *
 * @param traceId 32 lower-case hex digits, not all zero
 * @param spanId 16 lower-case hex digits, not all zero
 * @param sampled whether the caller records the trace
 */
public record TraceParent(String traceId, String spanId, boolean sampled) {
    private static final Pattern HEADER = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

    public TraceParent {
        requireNonNull(traceId, "traceId is null");
        requireNonNull(spanId, "spanId is null");
    }

    /** The header's trace, or empty when it is missing or malformed (a new trace is started then). */
    public static Optional<TraceParent> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        var match = HEADER.matcher(header.trim());
        if (!match.matches() || match.group(1).matches("0+") || match.group(2).matches("0+")) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(match.group(1), match.group(2), (Integer.parseInt(match.group(3), 16) & 1) == 1));
    }

    public static TraceParent newTrace() {
        return new TraceParent(randomHex(16), randomHex(8), true);
    }

    /** A span of this trace, as this service's own part of it. */
    public TraceParent child() {
        return new TraceParent(traceId, randomHex(8), sampled);
    }

    public String header() {
        return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
    }

    /**
     * Ids only need to be unlikely to collide, not unguessable: a per-thread generator, because a shared
     * SecureRandom is a point of contention on the path of every request.
     */
    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        do {
            ThreadLocalRandom.current().nextBytes(value);
        } while (isZero(value));
        return HexFormat.of().formatHex(value);
    }

    private static boolean isZero(byte[] value) {
        for (byte b : value) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
