package io.atoll.cell.auth.domain;

import io.atoll.cell.auth.store.Account;

/**
 * A new account and, for a service client, the secret made for it (shown once, stored only hashed).
 *
 * @param account the stored account
 * @param generatedSecret the client secret, or null when the caller chose the password
 */
public record CreatedAccount(Account account, String generatedSecret) {
}
