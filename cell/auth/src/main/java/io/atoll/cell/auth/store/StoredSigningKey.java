package io.atoll.cell.auth.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code signing_keys}. */
@MappedEntity("signing_keys")
public record StoredSigningKey(@Id String kid, KeyStatus status, String privateJwk, Instant createdAt,
                               @Nullable Instant activatedAt, @Nullable Instant retiredAt, @Nullable Instant publishUntil) {

    /** Where a key is in its life. */
    public enum KeyStatus {
        /** Published, not signing yet: peers learn it before they meet tokens signed with it. */
        NEXT,
        /** Published and signing. */
        ACTIVE,
        /** Published until the last token it signed has expired, then deleted. */
        RETIRED
    }

    public boolean publishedAt(Instant now) {
        return status != KeyStatus.RETIRED || (publishUntil != null && now.isBefore(publishUntil));
    }
}
