package io.atoll.cell.storage.api.member;

import io.atoll.cell.contracts.IdentityHeaders;
import io.atoll.cell.storage.api.MemberIds;
import io.atoll.cell.storage.api.Scopes;
import io.atoll.cell.storage.domain.member.MemberService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A member's profile and membership; the member joins the first time any of their paths is used. */
@Controller("/storage/v1/members/{memberId}")
@ExecuteOn(TaskExecutors.BLOCKING)
class MemberController {
    private final MemberService members;

    MemberController(MemberService members) {
        this.members = requireNonNull(members, "members is null");
    }

    @Get
    @Secured(Scopes.READ)
    MemberView read(@PathVariable @Pattern(regexp = MemberIds.PATTERN) String memberId,
                    @Header(IdentityHeaders.HOME_CELL) @Nullable @Pattern(regexp = MemberIds.CELL_PATTERN) String homeCell) {
        return MemberView.of(members.ensure(memberId, Optional.ofNullable(homeCell)));
    }

    @Put
    @Secured(Scopes.WRITE)
    MemberView update(@PathVariable @Pattern(regexp = MemberIds.PATTERN) String memberId,
                      @Header(IdentityHeaders.HOME_CELL) @Nullable @Pattern(regexp = MemberIds.CELL_PATTERN) String homeCell, @Body @Valid ProfileUpdate update) {
        return MemberView.of(members.update(memberId, Optional.ofNullable(homeCell), update.toChange()));
    }
}
