package io.atoll.router.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of the placement directory: the account (by key) lives in this cell since then, or, while not confirmed,
 * a sign-up holds the address for this cell.
 */
@MappedEntity("placement")
public record Placement(@Id String accountKey, String cellId, Instant placedAt, boolean confirmed, @Nullable UUID holdId) {
}
