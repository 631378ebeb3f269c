package io.atoll.router.store;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of the placement directory: the account (by key) lives in this cell since then. */
@MappedEntity("placement")
public record Placement(@Id String accountKey, String cellId, Instant placedAt) {
}
