package io.atoll.cell.auth.store;

import io.atoll.cell.auth.domain.AccountType;
import io.atoll.cell.auth.domain.FailureWindow;
import io.atoll.cell.auth.domain.Scopes;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code accounts}. */
@MappedEntity("accounts")
public record Account(@Id UUID id, AccountType type, @Nullable String email, @Nullable String clientId,
                      String secretHash, String scopes, Instant createdAt, boolean disabled, int failedLogins,
                      @Nullable Instant failureWindowStart, @Nullable Instant lockedUntil) {

    /** The name the account signs in with: its e-mail address or its client id. */
    public String principal() {
        return email != null ? email : clientId;
    }

    public Scopes grantedScopes() {
        return Scopes.parse(scopes);
    }

    public FailureWindow failureWindow() {
        return new FailureWindow(failedLogins, failureWindowStart, lockedUntil);
    }
}
