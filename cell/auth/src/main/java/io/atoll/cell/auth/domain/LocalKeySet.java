package io.atoll.cell.auth.domain;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.atoll.cell.auth.domain.StoredSigningKey.KeyStatus;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The cell's own keys as the running service uses them: the active one for signing, the published ones
 * for verifying and for the JWKS document. Read again from the database every few seconds, so that a
 * rotation made by the admin command (or another replica) is picked up.
 */
@Singleton
public final class LocalKeySet {
    /** The JWKS member that names the issuer whose keys these are, so that a peer binds each key to one cell. */
    public static final String ISSUER_MEMBER = "issuer";

    private record Snapshot(SigningKey active, Map<String, VerificationKey> published, String jwksJson) {
    }

    private final SigningKeyService keys;
    private final Clock clock;
    private final String cellId;
    private volatile Snapshot snapshot;

    public LocalKeySet(SigningKeyService keys, Clock clock, @Named("cellId") String cellId) {
        this.keys = requireNonNull(keys, "keys is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.cellId = requireNonNull(cellId, "cellId is null");
    }

    public void reload() {
        Instant now = clock.instant();
        List<StoredSigningKey> stored = keys.list();
        if (stored.stream().noneMatch(key -> key.status() == KeyStatus.ACTIVE)) {
            keys.ensureKeys();
            stored = keys.list();
        }
        SigningKey active = null;
        List<JWK> publicKeys = new ArrayList<>();
        for (StoredSigningKey key : stored) {
            if (!key.publishedAt(now)) {
                continue;
            }
            SigningKey signingKey = SigningKey.fromPrivateJson(key.privateJwk());
            publicKeys.add(signingKey.publicKey());
            if (key.status() == KeyStatus.ACTIVE) {
                active = signingKey;
            }
        }
        Map<String, VerificationKey> published = publicKeys.stream()
                .map(jwk -> VerificationKey.of(cellId, jwk.toRSAKey()))
                .collect(Collectors.toUnmodifiableMap(VerificationKey::kid, Function.identity()));
        String json = new JWKSet(publicKeys, Map.of(ISSUER_MEMBER, cellId)).toString(true);
        snapshot = new Snapshot(requireNonNull(active, "no active signing key"), published, json);
    }

    public SigningKey active() {
        return current().active();
    }

    public Optional<VerificationKey> find(String kid) {
        return Optional.ofNullable(current().published().get(kid));
    }

    /** The public keys as a JWKS document. */
    public String jwksJson() {
        return current().jwksJson();
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current == null) {
            synchronized (this) {
                if (snapshot == null) {
                    reload();
                }
                current = snapshot;
            }
        }
        return current;
    }
}
