package io.atoll.cell.app.domain.profile;

import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A member's business record, as storage keeps it.
 *
 * @param homeCell the cell the member lives in
 * @param tier {@code basic}, {@code plus} or {@code premium}
 */
public record Profile(String id, String homeCell, Optional<String> email, Optional<String> name, Optional<PostalAddress> postalAddress,
                      String tier, String status, Instant joinedAt, Instant updatedAt) {
    public Profile {
        requireNonNull(id, "id is null");
        requireNonNull(homeCell, "homeCell is null");
        requireNonNull(email, "email is null");
        requireNonNull(name, "name is null");
        requireNonNull(postalAddress, "postalAddress is null");
        requireNonNull(tier, "tier is null");
        requireNonNull(status, "status is null");
        requireNonNull(joinedAt, "joinedAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
    }
}
