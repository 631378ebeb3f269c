package io.atoll.cell.auth.domain;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One of the cell's signing keys as it is kept: the private key and where the key is in its life.
 *
 * @param kid the key's id
 * @param status where it is in its life
 * @param privateJwk the key with its private part, as a JWK
 * @param createdAt when it was made
 * @param activatedAt when it started signing; null for a next key
 * @param retiredAt when it stopped signing; null unless retired
 * @param publishUntil until when a retired key stays published; null unless retired
 */
public record StoredSigningKey(String kid, KeyStatus status, String privateJwk, Instant createdAt, Instant activatedAt,
                               Instant retiredAt, Instant publishUntil) {

    /** Where a key is in its life. */
    public enum KeyStatus {
        /** Published, not signing yet: peers learn it before they meet tokens signed with it. */
        NEXT,
        /** Published and signing. */
        ACTIVE,
        /** Published until the last token it signed has expired, then deleted. */
        RETIRED
    }

    public StoredSigningKey {
        requireNonNull(kid, "kid is null");
        requireNonNull(status, "status is null");
        requireNonNull(privateJwk, "privateJwk is null");
        requireNonNull(createdAt, "createdAt is null");
    }

    public boolean publishedAt(Instant now) {
        return status != KeyStatus.RETIRED || (publishUntil != null && now.isBefore(publishUntil));
    }
}
