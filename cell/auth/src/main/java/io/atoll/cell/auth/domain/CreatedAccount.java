package io.atoll.cell.auth.domain;

/**
 * A new account and, for a service client, the secret made for it (shown once, stored only hashed).
 *
 * @param account the new account
 * @param generatedSecret the client secret, or null when the caller chose the password
 */
public record CreatedAccount(Account account, String generatedSecret) {
}
