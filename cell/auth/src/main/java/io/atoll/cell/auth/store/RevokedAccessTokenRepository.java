package io.atoll.cell.auth.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface RevokedAccessTokenRepository extends GenericRepository<RevokedAccessToken, Long> {
    @Query("INSERT INTO revoked_access_tokens (jti, expires_at, revoked_at) VALUES (:jti, :expiresAt, :revokedAt) ON CONFLICT (jti) DO NOTHING")
    void insertIfAbsent(String jti, Instant expiresAt, Instant revokedAt);

    List<RevokedAccessToken> findBySeqGreaterThanAndExpiresAtGreaterThanOrderBySeq(long seq, Instant now);

    void deleteByExpiresAtLessThan(Instant before);
}
