package io.atoll.cell.auth.domain;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static java.util.Objects.requireNonNull;

/** The cell's own published keys first, then its peers'. */
public final class TrustedKeys implements VerificationKeys {
    private final LocalKeySet local;
    private final PeerKeySets peers;

    public TrustedKeys(LocalKeySet local, PeerKeySets peers) {
        this.local = requireNonNull(local, "local is null");
        this.peers = requireNonNull(peers, "peers is null");
    }

    @Override
    public Optional<VerificationKey> find(String kid) {
        Optional<VerificationKey> own = local.find(kid);
        return own.isPresent() ? own : peers.find(kid);
    }

    @Override
    public CompletableFuture<Void> lookAgain() {
        return peers.fetchIfDue();
    }
}
