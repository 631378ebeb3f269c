package io.atoll.router.domain;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Which cell each member lives in, and the one arbiter of which cell may create an account: a sign-up holds its
 * e-mail address here before any cell sees it, so two sign-ups of one address, wherever they start, go to one cell.
 */
public interface PlacementDirectory {
    /**
     * The account's home cell, empty when the directory does not know the account or cannot be asked. The
     * future is already complete when the answer is in memory.
     */
    CompletableFuture<Optional<String>> home(AccountKey account);

    /**
     * Holds the address for a sign-up in this cell, unless a cell holds it already; answers the cell that holds it.
     * Fails with {@link PlacementUnavailableException} when the directory cannot be asked in time.
     */
    CompletableFuture<Reservation> reserve(AccountKey account, String cellId);

    /** The cell created the account: it lives there from now on. */
    void place(AccountKey account, String cellId);

    /** The cell did not create the account: the hold of this sign-up, if it made one, goes. */
    void release(Reservation reservation);
}
