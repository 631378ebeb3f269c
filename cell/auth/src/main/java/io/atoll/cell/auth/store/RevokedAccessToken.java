package io.atoll.cell.auth.store;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code revoked_access_tokens}. */
@MappedEntity("revoked_access_tokens")
record RevokedAccessToken(@Id @GeneratedValue Long seq, String jti, Instant expiresAt, Instant revokedAt) {
}
