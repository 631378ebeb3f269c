package io.atoll.router.domain;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Which cell each member lives in: written when a cell accepts a sign-up, read to route token requests. */
public interface PlacementDirectory {
    /**
     * The account's home cell, empty when the directory does not know the account or cannot be asked. The
     * future is already complete when the answer is in memory.
     */
    CompletableFuture<Optional<String>> home(AccountKey account);

    /** Records that the account lives in this cell, unless the directory already places it elsewhere. */
    void place(AccountKey account, String cellId);
}
