package io.atoll.router.domain;

import java.util.Optional;

/**
 * Whose credentials a request to auth's public endpoints is about, as far as the request itself says: an account
 * (named by an e-mail address or a user name, found in the placement directory) or a home cell (written in the
 * token the request carries). At most one of the two is present.
 */
public record CredentialSubject(Optional<AccountKey> account, Optional<String> homeCell) {
    private static final CredentialSubject UNNAMED = new CredentialSubject(Optional.empty(), Optional.empty());

    public CredentialSubject {
        if (account.isPresent() && homeCell.isPresent()) {
            throw new IllegalArgumentException("a credential request names an account or a home cell, not both");
        }
    }

    public static CredentialSubject unnamed() {
        return UNNAMED;
    }

    public static CredentialSubject of(Optional<AccountKey> account) {
        return account.map(key -> new CredentialSubject(Optional.of(key), Optional.empty())).orElse(UNNAMED);
    }

    public static CredentialSubject livingIn(Optional<String> homeCell) {
        return homeCell.map(cell -> new CredentialSubject(Optional.empty(), Optional.of(cell))).orElse(UNNAMED);
    }

    /** This subject, or the other when this one names nobody. */
    public CredentialSubject or(CredentialSubject other) {
        return account.isPresent() || homeCell.isPresent() ? this : other;
    }
}
