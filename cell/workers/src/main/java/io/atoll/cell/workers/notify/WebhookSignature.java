package io.atoll.cell.workers.notify;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The signature of a webhook's body, in one header: {@code X-Atoll-Signature: t=<unix seconds>,v1=<hex>}, where
 * v1 is HMAC-SHA256 under the shared secret over {@code "<t>.<body>"}. Signing the time with the body lets a
 * receiver refuse an old request played again. A receiver may meet several v1 values (while a secret is being
 * replaced) and parts it does not know (a later scheme); it accepts the request when any v1 matches.
 * <p>
 * Public so that receivers (and their tests) check signatures with the same code that makes them.
 */
public final class WebhookSignature {
    public static final String HEADER = "X-Atoll-Signature";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,18}");
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    private WebhookSignature() {
    }

    /** What a check of a signature found. */
    public enum Verification {
        VALID,
        /** The header is missing, or lacks a t or a v1, or one of them is not what it must be. */
        MALFORMED,
        /** No v1 matches the body under this secret. */
        MISMATCH,
        /** It matches, but was made longer ago (or further ahead) than the tolerance: a replay, or a clock far off. */
        OUTSIDE_TOLERANCE;

        public boolean valid() {
            return this == VALID;
        }
    }

    /** The header's value for this body sent at this time. */
    public static String sign(String secret, Instant timestamp, byte[] body) {
        long seconds = requireNonNull(timestamp, "timestamp is null").getEpochSecond();
        return "t=" + seconds + ",v1=" + HexFormat.of().formatHex(mac(secret, seconds, body));
    }

    /**
     * Checks a received header against the received body, byte for byte as it arrived.
     *
     * @param header the header's value; null when the request had none
     * @param tolerance how far the signing time may lie from now, either way (five minutes is usual)
     */
    public static Verification verify(String secret, String header, byte[] body, Instant now, Duration tolerance) {
        requireNonNull(body, "body is null");
        requireNonNull(now, "now is null");
        requireNonNull(tolerance, "tolerance is null");
        if (header == null) {
            return Verification.MALFORMED;
        }
        String timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int equals = part.indexOf('=');
            if (equals < 0) {
                return Verification.MALFORMED;
            }
            String name = part.substring(0, equals).strip();
            String value = part.substring(equals + 1).strip();
            if (name.equals("t")) {
                if (timestamp != null || !SECONDS.matcher(value).matches()) {
                    return Verification.MALFORMED;
                }
                timestamp = value;
            } else if (name.equals("v1")) {
                if (!HEX_SHA256.matcher(value).matches()) {
                    return Verification.MALFORMED;
                }
                signatures.add(HexFormat.of().parseHex(value));
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            return Verification.MALFORMED;
        }
        long seconds = Long.parseLong(timestamp);
        byte[] expected = mac(secret, seconds, body);
        // Constant-time comparison: how long a refusal takes must not tell how much of a guess was right.
        boolean matches = signatures.stream().anyMatch(signature -> MessageDigest.isEqual(expected, signature));
        if (!matches) {
            return Verification.MISMATCH;
        }
        Duration age = Duration.between(Instant.ofEpochSecond(seconds), now).abs();
        return age.compareTo(tolerance) > 0 ? Verification.OUTSIDE_TOLERANCE : Verification.VALID;
    }

    private static byte[] mac(String secret, long seconds, byte[] body) {
        requireNonNull(secret, "secret is null");
        requireNonNull(body, "body is null");
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((seconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, missing);
        }
    }
}
