package io.atoll.router.domain;

import java.util.Optional;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * The placement directory's answer to a sign-up: the cell that holds the e-mail address, so the one cell that may
 * create its account.
 *
 * @param cellId the cell holding the address: the sign-up's own choice, or where the account lives or is being created
 * @param hold the hold this sign-up put on the address, which it releases if the cell does not create the account;
 *             empty when the address was held already
 */
public record Reservation(AccountKey account, String cellId, Optional<UUID> hold) {
    public Reservation {
        requireNonNull(account, "account is null");
        requireNonNull(cellId, "cellId is null");
        requireNonNull(hold, "hold is null");
    }
}
