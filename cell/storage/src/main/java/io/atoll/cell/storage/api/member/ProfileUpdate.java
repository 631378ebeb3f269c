package io.atoll.cell.storage.api.member;

import io.atoll.cell.storage.api.PostalAddressBody;
import io.atoll.cell.storage.domain.member.ProfileChange;
import io.atoll.cell.storage.domain.member.Tier;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Optional;

/** A change to a member's profile; what it leaves out stays as it is. */
@Serdeable
public record ProfileUpdate(@Nullable @Email @Size(max = 254) String email, @Nullable @Size(min = 1, max = 200) String name,
                            @Nullable @Valid PostalAddressBody postalAddress,
                            @Nullable @Pattern(regexp = "basic|plus|premium") String tier) {

    /** A member's address has no recipient name of its own: the member's name is {@code name}. */
    @AssertTrue(message = "postalAddress.name is not part of a member's address")
    public boolean isAddressWithoutName() {
        return postalAddress == null || postalAddress.name() == null;
    }

    public ProfileChange toChange() {
        return new ProfileChange(Optional.ofNullable(email), Optional.ofNullable(name),
                Optional.ofNullable(postalAddress).map(PostalAddressBody::toPostalAddress), Optional.ofNullable(tier).map(Tier::ofCode));
    }
}
