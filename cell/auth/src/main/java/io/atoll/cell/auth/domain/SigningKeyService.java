package io.atoll.cell.auth.domain;

import io.atoll.cell.auth.domain.StoredSigningKey.KeyStatus;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The life of the cell's signing keys in the database. There is always an active key, which signs, and a
 * next key, which is published but does not sign yet, so that every peer has fetched it before it meets a
 * token signed with it. A rotation promotes the next key, makes a new next key, and keeps the old active
 * key published until the last token it signed has expired.
 */
@Singleton
public class SigningKeyService {
    private final SigningKeyStore keys;
    private final AuditTrail audit;
    private final Clock clock;
    private final String cellId;
    private final Duration retiredKeyPublication;

    public SigningKeyService(SigningKeyStore keys, AuditTrail audit, Clock clock, @Named("cellId") String cellId,
                             @Named("retiredKeyPublication") Duration retiredKeyPublication) {
        this.keys = requireNonNull(keys, "keys is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.cellId = requireNonNull(cellId, "cellId is null");
        this.retiredKeyPublication = requireNonNull(retiredKeyPublication, "retiredKeyPublication is null");
    }

    /** Makes the active and next keys if they are missing (a new cell); safe to call from every replica at once. */
    @Transactional
    public void ensureKeys() {
        keys.lockForChange();
        createMissing();
    }

    @Transactional
    public KeyRotation rotate() {
        keys.lockForChange();
        createMissing();
        Instant now = clock.instant();
        StoredSigningKey active = keys.findByStatus(KeyStatus.ACTIVE).orElseThrow();
        StoredSigningKey next = keys.findByStatus(KeyStatus.NEXT).orElseThrow();
        StoredSigningKey retired = new StoredSigningKey(active.kid(), KeyStatus.RETIRED, active.privateJwk(), active.createdAt(),
                active.activatedAt(), now, now.plus(retiredKeyPublication));
        keys.update(retired);
        StoredSigningKey promoted = new StoredSigningKey(next.kid(), KeyStatus.ACTIVE, next.privateJwk(), next.createdAt(),
                now, null, null);
        keys.update(promoted);
        StoredSigningKey newNext = newKey(KeyStatus.NEXT, now);
        keys.add(newNext);
        audit.record(AuditEventType.KEY_ROTATED, null, cellId, null,
                "active=" + promoted.kid() + " next=" + newNext.kid() + " retired=" + retired.kid());
        return new KeyRotation(promoted, newNext, retired);
    }

    @Transactional
    public List<StoredSigningKey> list() {
        return keys.findAll();
    }

    /** Keys no longer published: their tokens have all expired. */
    @Transactional
    public void deleteExpired() {
        keys.deleteRetiredBefore(clock.instant());
    }

    private void createMissing() {
        Instant now = clock.instant();
        if (keys.findByStatus(KeyStatus.ACTIVE).isEmpty()) {
            keys.add(newKey(KeyStatus.ACTIVE, now));
        }
        if (keys.findByStatus(KeyStatus.NEXT).isEmpty()) {
            keys.add(newKey(KeyStatus.NEXT, now));
        }
    }

    private StoredSigningKey newKey(KeyStatus status, Instant now) {
        SigningKey key = SigningKey.generate(cellId);
        return new StoredSigningKey(key.kid(), status, key.toPrivateJson(), now, status == KeyStatus.ACTIVE ? now : null, null, null);
    }
}
