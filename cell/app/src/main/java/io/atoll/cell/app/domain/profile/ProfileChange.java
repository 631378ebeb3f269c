package io.atoll.cell.app.domain.profile;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** What a member changes in their profile; an absent part stays as it is. */
public record ProfileChange(Optional<String> name, Optional<PostalAddress> postalAddress, Optional<String> tier) {
    public ProfileChange {
        requireNonNull(name, "name is null");
        requireNonNull(postalAddress, "postalAddress is null");
        requireNonNull(tier, "tier is null");
    }
}
