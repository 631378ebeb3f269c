package io.atoll.cell.auth.domain;

import static java.util.Objects.requireNonNull;

/** The scopes a member gets at sign-up. */
public record MemberScopes(Scopes scopes) {
    public MemberScopes {
        requireNonNull(scopes, "scopes is null");
    }
}
