package io.atoll.cell.auth.store;

import io.atoll.cell.auth.domain.StoredSigningKey;
import io.atoll.cell.auth.domain.StoredSigningKey.KeyStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code signing_keys}. */
@MappedEntity("signing_keys")
record SigningKeyRow(@Id String kid, KeyStatus status, String privateJwk, Instant createdAt,
                     @Nullable Instant activatedAt, @Nullable Instant retiredAt, @Nullable Instant publishUntil) {

    static SigningKeyRow of(StoredSigningKey key) {
        return new SigningKeyRow(key.kid(), key.status(), key.privateJwk(), key.createdAt(), key.activatedAt(), key.retiredAt(),
                key.publishUntil());
    }

    StoredSigningKey toSigningKey() {
        return new StoredSigningKey(kid, status, privateJwk, createdAt, activatedAt, retiredAt, publishUntil);
    }
}
