package io.atoll.cell.auth.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code refresh_tokens}: one issued refresh token, known only by its hash. */
@MappedEntity("refresh_tokens")
public record RefreshToken(@Id UUID id, UUID familyId, UUID accountId, byte[] tokenHash, String scopes,
                           Instant issuedAt, Instant expiresAt, @Nullable Instant usedAt, @Nullable Instant revokedAt,
                           String accessJti, Instant accessExpiresAt) {
}
