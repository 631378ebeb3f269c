package io.atoll.cell.auth.config;

import io.atoll.cell.auth.domain.LocalKeySet;
import io.atoll.cell.auth.domain.PeerKeySets;
import io.atoll.cell.auth.domain.RefreshTokenStore;
import io.atoll.cell.auth.domain.RevocationStore;
import io.atoll.cell.auth.domain.RevokedTokenList;
import io.atoll.cell.auth.domain.SigningKeyService;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;

/**
 * What a running service keeps fresh (intervals: {@code atoll.auth.key-refresh-interval},
 * {@code revocation-refresh-interval}, {@code peer-jwks-refresh-interval}, {@code peer-jwks-retry-interval} for
 * peers not heard from yet): its own keys (a rotation made elsewhere), the revocations made by
 * other replicas, the peers' keys, and the removal of rows nothing needs any more.
 */
@Singleton
@Requires(notEnv = AdminEnvironment.NAME)
class BackgroundRefresh {
    /** Spent refresh tokens are kept a day past expiry, so that a late replay is still recognised and audited. */
    private static final Duration REFRESH_TOKEN_RETENTION = Duration.ofDays(1);

    private final SigningKeyService signingKeys;
    private final LocalKeySet localKeys;
    private final RevokedTokenList revokedTokens;
    private final PeerKeySets peerKeys;
    private final RefreshTokenStore refreshTokens;
    private final RevocationStore revocations;
    private final Clock clock;

    BackgroundRefresh(SigningKeyService signingKeys, LocalKeySet localKeys, RevokedTokenList revokedTokens, PeerKeySets peerKeys,
                      RefreshTokenStore refreshTokens, RevocationStore revocations, Clock clock) {
        this.signingKeys = signingKeys;
        this.localKeys = localKeys;
        this.revokedTokens = revokedTokens;
        this.peerKeys = peerKeys;
        this.refreshTokens = refreshTokens;
        this.revocations = revocations;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        signingKeys.ensureKeys();
        localKeys.reload();
        revokedTokens.refresh();
        peerKeys.fetch();
    }

    @Scheduled(fixedDelay = "${atoll.auth.key-refresh-interval:30s}", initialDelay = "${atoll.auth.key-refresh-interval:30s}")
    void reloadKeys() {
        localKeys.reload();
    }

    @Scheduled(fixedDelay = "${atoll.auth.revocation-refresh-interval:5s}", initialDelay = "${atoll.auth.revocation-refresh-interval:5s}")
    void refreshRevocations() {
        revokedTokens.refresh();
    }

    @Scheduled(fixedDelay = "${atoll.auth.peer-jwks-refresh-interval:5m}", initialDelay = "${atoll.auth.peer-jwks-refresh-interval:5m}")
    void refreshPeerKeys() {
        peerKeys.fetch();
    }

    @Scheduled(fixedDelay = "${atoll.auth.peer-jwks-retry-interval:3s}", initialDelay = "${atoll.auth.peer-jwks-retry-interval:3s}")
    void fetchMissingPeerKeys() {
        peerKeys.fetchMissing();
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "1m")
    @Transactional
    void deleteExpiredRows() {
        refreshTokens.deleteExpiredBefore(clock.instant().minus(REFRESH_TOKEN_RETENTION));
        revocations.deleteExpiredBefore(clock.instant().minus(Duration.ofHours(1)));
        signingKeys.deleteExpired();
    }
}
