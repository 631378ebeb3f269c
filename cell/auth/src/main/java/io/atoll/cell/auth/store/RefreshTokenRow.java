package io.atoll.cell.auth.store;

import io.atoll.cell.auth.domain.RefreshToken;
import io.atoll.cell.auth.domain.Scopes;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code refresh_tokens}: one issued refresh token, known only by its hash. */
@MappedEntity("refresh_tokens")
record RefreshTokenRow(@Id UUID id, UUID familyId, UUID accountId, byte[] tokenHash, String scopes,
                       Instant issuedAt, Instant expiresAt, @Nullable Instant usedAt, @Nullable Instant revokedAt,
                       String accessJti, Instant accessExpiresAt) {

    static RefreshTokenRow of(RefreshToken token) {
        return new RefreshTokenRow(token.id(), token.familyId(), token.accountId(), token.tokenHash(), token.scopes().toString(),
                token.issuedAt(), token.expiresAt(), token.usedAt(), token.revokedAt(), token.accessJti(), token.accessExpiresAt());
    }

    RefreshToken toRefreshToken() {
        return new RefreshToken(id, familyId, accountId, tokenHash, Scopes.parse(scopes), issuedAt, expiresAt, usedAt, revokedAt,
                accessJti, accessExpiresAt);
    }
}
