package io.atoll.cell.auth.store;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface RefreshTokenRepository extends CrudRepository<RefreshTokenRow, UUID> {
    @Query("SELECT * FROM refresh_tokens WHERE token_hash = :tokenHash FOR UPDATE")
    Optional<RefreshTokenRow> findByTokenHashForUpdate(byte[] tokenHash);

    void update(@Id UUID id, Instant usedAt);

    @Query("UPDATE refresh_tokens SET revoked_at = :now WHERE family_id = :familyId AND revoked_at IS NULL")
    void revokeFamily(UUID familyId, Instant now);

    List<RefreshTokenRow> findByFamilyIdAndAccessExpiresAtGreaterThan(UUID familyId, Instant now);

    void deleteByExpiresAtLessThan(Instant before);
}
