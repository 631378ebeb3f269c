package io.atoll.cell.auth.domain;

import java.time.Instant;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * A member, service client or operator of this cell.
 *
 * @param id the account's id, the {@code sub} of its tokens
 * @param type what kind of party it stands for
 * @param email the address a member or operator signs in with; null for a service client
 * @param clientId the id a service client signs in with; null for members and operators
 * @param secretHash the hash of its password or client secret
 * @param scopes what its tokens may carry at most
 * @param createdAt when it was created
 * @param disabled whether it is refused every sign-in
 * @param failures its recent failed sign-ins and the lock they led to
 */
public record Account(UUID id, AccountType type, String email, String clientId, String secretHash, Scopes scopes,
                      Instant createdAt, boolean disabled, FailureWindow failures) {
    public Account {
        requireNonNull(id, "id is null");
        requireNonNull(type, "type is null");
        requireNonNull(secretHash, "secretHash is null");
        requireNonNull(scopes, "scopes is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(failures, "failures is null");
    }

    /** The name the account signs in with: its e-mail address or its client id. */
    public String principal() {
        return email != null ? email : clientId;
    }
}
