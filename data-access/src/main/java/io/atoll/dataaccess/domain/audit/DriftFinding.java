package io.atoll.dataaccess.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A difference between what the definition makes of a database and what the database holds: a fact expected and not
 * found (a revoked grant, a dropped policy), found and not expected (a grant made by hand), or held with another value
 * (a disabled trigger, a role given {@code LOGIN}).
 */
public record DriftFinding(FactKind kind, String subject, Optional<String> expected, Optional<String> found) {
    /** Longer values (a view's or a routine's definition) are named by a digest, so that a finding stays one line. */
    private static final int SHOWN_LENGTH = 120;

    public DriftFinding {
        requireNonNull(kind, "kind is null");
        requireNonNull(subject, "subject is null");
        requireNonNull(expected, "expected is null");
        requireNonNull(found, "found is null");
        if (expected.isEmpty() && found.isEmpty()) {
            throw new IllegalArgumentException(subject + ": a finding needs an expected or a found value");
        }
    }

    /** {@code unexpected}, {@code missing} or {@code changed}. */
    public String change() {
        return expected.isEmpty() ? "unexpected" : found.isEmpty() ? "missing" : "changed";
    }

    /** The finding on one line, e.g. {@code privilege analytics SELECT on table public.members: expected nothing, found granted}. */
    public String line() {
        return kind.label() + " " + subject + ": expected " + shown(expected) + ", found " + shown(found);
    }

    private static String shown(Optional<String> value) {
        if (value.isEmpty()) {
            return "nothing";
        }
        String text = value.get().replaceAll("\\s+", " ").strip();
        if (text.length() <= SHOWN_LENGTH) {
            return "'" + text + "'";
        }
        return "'" + text.substring(0, SHOWN_LENGTH / 2) + "…' (sha-256 " + digest(value.get()) + ")";
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
