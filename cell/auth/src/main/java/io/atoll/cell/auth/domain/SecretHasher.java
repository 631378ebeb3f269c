package io.atoll.cell.auth.domain;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import java.security.SecureRandom;
import java.util.Base64;

/** Hashes passwords and client secrets with Argon2id, and checks them against stored hashes. */
public final class SecretHasher {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Argon2PasswordEncoder encoder;
    private final String decoyHash;

    public SecretHasher(int memoryKib, int iterations, int parallelism) {
        this.encoder = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, parallelism, memoryKib, iterations);
        this.decoyHash = encoder.encode(newSecret());
    }

    public String hash(String secret) {
        return encoder.encode(secret);
    }

    public boolean matches(String secret, String hash) {
        return secret != null && encoder.matches(secret, hash);
    }

    /** Spends the time of a real check, so that an unknown account answers no faster than a wrong password. */
    public void matchNothing(String secret) {
        encoder.matches(secret == null ? "" : secret, decoyHash);
    }

    /** A new random secret: 256 bits, URL-safe. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
