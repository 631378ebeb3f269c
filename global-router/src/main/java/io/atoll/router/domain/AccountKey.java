package io.atoll.router.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The placement directory's key for an account: the SHA-256 of its identifier (the e-mail address, trimmed
 * and lower-cased). The directory is replicated to every region, so it holds no addresses, only this.
 *
 * @param value 64 lower-case hex digits
 */
public record AccountKey(String value) {
    private static final int MAX_IDENTIFIER_LENGTH = 320;

    public AccountKey {
        if (value == null || !value.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("an account key is 64 lower-case hex digits");
        }
    }

    /** The key of the identifier a client sent, unless it is blank or longer than an e-mail address can be. */
    public static Optional<AccountKey> of(String identifier) {
        if (identifier == null) {
            return Optional.empty();
        }
        String normalized = identifier.trim().toLowerCase(Locale.ROOT);
        if (normalized.isEmpty() || normalized.length() > MAX_IDENTIFIER_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(new AccountKey(HexFormat.of().formatHex(sha256(normalized))));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
