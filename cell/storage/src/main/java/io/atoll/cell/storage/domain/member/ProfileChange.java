package io.atoll.cell.storage.domain.member;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** What a member's profile update sets; an absent part stays as it is. */
public record ProfileChange(Optional<String> email, Optional<String> name, Optional<PostalAddress> postalAddress,
                            Optional<Tier> tier) {
    public ProfileChange {
        requireNonNull(email, "email is null");
        requireNonNull(name, "name is null");
        requireNonNull(postalAddress, "postalAddress is null");
        requireNonNull(tier, "tier is null");
    }
}
