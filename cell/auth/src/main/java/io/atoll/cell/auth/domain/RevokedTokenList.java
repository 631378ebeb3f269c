package io.atoll.cell.auth.domain;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Revoked access tokens, held in memory so that a check costs a map look-up. Revocations made by this
 * replica count at once; those made by other replicas count from the next {@link #refresh()}.
 */
@Singleton
public final class RevokedTokenList implements RevokedTokens {
    private static final Duration KEEP_AFTER_EXPIRY = Duration.ofMinutes(5);
    private final RevocationStore store;
    private final Clock clock;
    private final Map<String, Instant> expiryByJti = new ConcurrentHashMap<>();
    private long lastSeq;

    public RevokedTokenList(RevocationStore store, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public boolean isRevoked(String jti) {
        return !expiryByJti.isEmpty() && expiryByJti.containsKey(jti);
    }

    /** Stores a revocation (inside the caller's transaction) and counts it here at once. */
    public void revoke(String jti, Instant expiresAt) {
        store.addIfAbsent(jti, expiresAt, clock.instant());
        expiryByJti.put(jti, expiresAt);
    }

    /** Reads the revocations stored since the last look and forgets those whose tokens have expired. */
    public synchronized void refresh() {
        Instant now = clock.instant();
        for (Revocation revoked : store.findAfter(lastSeq, now)) {
            expiryByJti.put(revoked.jti(), revoked.expiresAt());
            lastSeq = Math.max(lastSeq, revoked.seq());
        }
        // Kept a while past expiry: the verifier still accepts a token inside its clock-skew allowance.
        expiryByJti.values().removeIf(expiry -> expiry.plus(KEEP_AFTER_EXPIRY).isBefore(now));
    }
}
