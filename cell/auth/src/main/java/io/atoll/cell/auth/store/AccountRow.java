package io.atoll.cell.auth.store;

import io.atoll.cell.auth.domain.Account;
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
record AccountRow(@Id UUID id, AccountType type, @Nullable String email, @Nullable String clientId,
                  String secretHash, String scopes, Instant createdAt, boolean disabled, int failedLogins,
                  @Nullable Instant failureWindowStart, @Nullable Instant lockedUntil) {

    static AccountRow of(Account account) {
        FailureWindow failures = account.failures();
        return new AccountRow(account.id(), account.type(), account.email(), account.clientId(), account.secretHash(),
                account.scopes().toString(), account.createdAt(), account.disabled(), failures.failures(),
                failures.windowStart(), failures.lockedUntil());
    }

    Account toAccount() {
        return new Account(id, type, email, clientId, secretHash, Scopes.parse(scopes), createdAt, disabled,
                new FailureWindow(failedLogins, failureWindowStart, lockedUntil));
    }
}
