package io.atoll.cell.app.api.profile;

import io.atoll.cell.app.api.AddressForm;
import io.atoll.cell.app.domain.profile.ProfileChange;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Optional;

/**
 * What a member changes in their profile; a part left out stays as it is. The e-mail address is the sign-in's,
 * not the member's to change here.
 *
 * @param tier {@code basic}, {@code plus} or {@code premium}
 */
@Serdeable
public record ProfileForm(@Nullable @Size(min = 1, max = 200) String name, @Nullable @Valid AddressForm postalAddress,
                          @Nullable @Pattern(regexp = "basic|plus|premium") String tier) {
    ProfileChange toChange() {
        return new ProfileChange(Optional.ofNullable(name), Optional.ofNullable(postalAddress).map(AddressForm::toPostalAddress),
                Optional.ofNullable(tier));
    }
}
