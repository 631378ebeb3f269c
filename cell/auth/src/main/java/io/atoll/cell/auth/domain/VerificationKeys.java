package io.atoll.cell.auth.domain;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Every key the cell accepts tokens from: its own published keys and its peers'. */
public interface VerificationKeys {
    Optional<VerificationKey> find(String kid);

    /**
     * Looks again at the peers' key sets because a token named a key not known yet; completes at once
     * (without looking) when the last look was too recent.
     */
    CompletableFuture<Void> lookAgain();
}
