package io.atoll.cell.workers.notify;

import io.atoll.cell.workers.notify.WebhookSignature.Verification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {
    private static final String SECRET = "whsec-0123456789abcdef0123456789abcdef";
    private static final Instant SIGNED = Instant.parse("2026-12-05T10:00:00Z");
    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final byte[] BODY = "{\"type\":\"job.completed\",\"status\":\"succeeded\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignatureMadeForTheBodyIsValidShortlyAfter() {
        String header = WebhookSignature.sign(SECRET, SIGNED, BODY);

        assertThat(header).matches("t=" + SIGNED.getEpochSecond() + ",v1=[0-9a-f]{64}");
        assertThat(WebhookSignature.verify(SECRET, header, BODY, SIGNED.plusSeconds(30), TOLERANCE)).isEqualTo(Verification.VALID);
    }

    @Test
    void theSignatureIsTheHmacOfTimestampDotBody() {
        // Computed apart from this code:
        // printf '%s' '1796464800.<BODY>' | openssl dgst -sha256 -hmac "$SECRET"
        assertThat(WebhookSignature.sign(SECRET, SIGNED, BODY))
                .isEqualTo("t=1796464800,v1=5ec7eb7f2af6806dd8c43a09a9bc10e07986931f5f8004456f57eba194f1af7c");
    }

    @Test
    void aTamperedBodyDoesNotMatch() {
        String header = WebhookSignature.sign(SECRET, SIGNED, BODY);
        byte[] tampered = "{\"type\":\"job.completed\",\"status\":\"failed\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookSignature.verify(SECRET, header, tampered, SIGNED, TOLERANCE)).isEqualTo(Verification.MISMATCH);
    }

    @Test
    void anotherSecretDoesNotMatch() {
        String header = WebhookSignature.sign("whsec-another-secret-of-the-same-length-xx", SIGNED, BODY);

        assertThat(WebhookSignature.verify(SECRET, header, BODY, SIGNED, TOLERANCE)).isEqualTo(Verification.MISMATCH);
    }

    @Test
    void aChangedTimestampDoesNotMatchEither() {
        String header = WebhookSignature.sign(SECRET, SIGNED, BODY);
        String moved = header.replace("t=" + SIGNED.getEpochSecond(), "t=" + (SIGNED.getEpochSecond() + 600));

        assertThat(WebhookSignature.verify(SECRET, moved, BODY, SIGNED.plusSeconds(600), TOLERANCE)).isEqualTo(Verification.MISMATCH);
    }

    @Test
    void anOldSignatureIsRefusedAsAReplay() {
        String header = WebhookSignature.sign(SECRET, SIGNED, BODY);

        assertThat(WebhookSignature.verify(SECRET, header, BODY, SIGNED.plus(TOLERANCE).plusSeconds(1), TOLERANCE))
                .isEqualTo(Verification.OUTSIDE_TOLERANCE);
        assertThat(WebhookSignature.verify(SECRET, header, BODY, SIGNED.plus(TOLERANCE), TOLERANCE)).isEqualTo(Verification.VALID);
    }

    @Test
    void aSignatureFromFarAheadIsRefusedToo() {
        String header = WebhookSignature.sign(SECRET, SIGNED, BODY);

        assertThat(WebhookSignature.verify(SECRET, header, BODY, SIGNED.minus(Duration.ofHours(1)), TOLERANCE))
                .isEqualTo(Verification.OUTSIDE_TOLERANCE);
    }

    @Test
    void anyMatchingSignatureOfSeveralIsEnoughAndUnknownSchemesAreIgnored() {
        String valid = WebhookSignature.sign(SECRET, SIGNED, BODY);
        String signature = valid.substring(valid.indexOf("v1="));
        String header = "t=" + SIGNED.getEpochSecond() + ",v1=" + "0".repeat(64) + ", " + signature + ",v0=legacy";

        assertThat(WebhookSignature.verify(SECRET, header, BODY, SIGNED, TOLERANCE)).isEqualTo(Verification.VALID);
    }

    @Test
    void malformedHeadersAreSaidToBeMalformed() {
        String signature = WebhookSignature.sign(SECRET, SIGNED, BODY);
        String v1 = signature.substring(signature.indexOf("v1="));
        String t = "t=" + SIGNED.getEpochSecond();

        assertThat(WebhookSignature.verify(SECRET, null, BODY, SIGNED, TOLERANCE)).isEqualTo(Verification.MALFORMED);
        assertThat(WebhookSignature.verify(SECRET, "", BODY, SIGNED, TOLERANCE)).isEqualTo(Verification.MALFORMED);
        assertThat(WebhookSignature.verify(SECRET, v1, BODY, SIGNED, TOLERANCE)).as("no t").isEqualTo(Verification.MALFORMED);
        assertThat(WebhookSignature.verify(SECRET, t, BODY, SIGNED, TOLERANCE)).as("no v1").isEqualTo(Verification.MALFORMED);
        assertThat(WebhookSignature.verify(SECRET, t + "," + t + "," + v1, BODY, SIGNED, TOLERANCE)).as("two t").isEqualTo(Verification.MALFORMED);
        assertThat(WebhookSignature.verify(SECRET, "t=soon," + v1, BODY, SIGNED, TOLERANCE)).as("t not a number").isEqualTo(Verification.MALFORMED);
        assertThat(WebhookSignature.verify(SECRET, t + ",v1=XYZ", BODY, SIGNED, TOLERANCE)).as("v1 not hex").isEqualTo(Verification.MALFORMED);
        assertThat(WebhookSignature.verify(SECRET, t + ",v1=" + "ab".repeat(16), BODY, SIGNED, TOLERANCE)).as("v1 too short").isEqualTo(Verification.MALFORMED);
        assertThat(WebhookSignature.verify(SECRET, t + ";" + v1, BODY, SIGNED, TOLERANCE)).as("wrong separator").isEqualTo(Verification.MALFORMED);
    }
}
