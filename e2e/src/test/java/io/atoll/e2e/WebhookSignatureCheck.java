package io.atoll.e2e;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A receiver's check of the workers' webhook signature, written from the documented scheme alone rather than with the
 * workers' own code: {@code X-Atoll-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">} under the shared
 * secret, compared in constant time, and refused when {@code t} lies further than five minutes from the receiver's
 * clock, so that a copy played again later is refused however well it was signed.
 */
final class WebhookSignatureCheck {
    static final String HEADER = "X-Atoll-Signature";
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignatureCheck() {
    }

    static boolean accepts(String secret, String header, byte[] body, Instant now) {
        if (header == null) {
            return false;
        }
        Long seconds = null;
        byte[] signature = null;
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length != 2) {
                return false;
            }
            if (pair[0].equals("t") && pair[1].matches("[0-9]{1,18}")) {
                seconds = Long.parseLong(pair[1]);
            } else if (pair[0].equals("v1") && pair[1].matches("[0-9a-f]{64}")) {
                signature = HexFormat.of().parseHex(pair[1]);
            }
        }
        if (seconds == null || signature == null) {
            return false;
        }
        boolean authentic = MessageDigest.isEqual(hmac(secret, seconds, body), signature);
        return authentic && Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(TOLERANCE) <= 0;
    }

    private static byte[] hmac(String secret, long seconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((seconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
