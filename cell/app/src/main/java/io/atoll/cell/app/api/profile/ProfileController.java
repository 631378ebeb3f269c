package io.atoll.cell.app.api.profile;

import io.atoll.cell.app.api.Caller;
import io.atoll.cell.app.domain.profile.Profile;
import io.atoll.cell.app.domain.profile.ProfileBook;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.Valid;

import static java.util.Objects.requireNonNull;

/** The member's own business record: created in storage the first time it is asked for. */
@Controller("/v1/profile")
@ExecuteOn(TaskExecutors.BLOCKING)
class ProfileController {
    private final ProfileBook profiles;

    ProfileController(ProfileBook profiles) {
        this.profiles = requireNonNull(profiles, "profiles is null");
    }

    @Get
    Profile read(Caller caller) {
        return profiles.find(caller.member());
    }

    @Put
    Profile change(Caller caller, @Body @Valid ProfileForm form) {
        return profiles.change(caller.member(), form.toChange());
    }
}
