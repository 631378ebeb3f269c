package io.atoll.cell.auth.domain;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * The signing keys of the other cells, fetched from their JWKS documents. A peer that cannot be reached
 * keeps the keys last fetched from it. Fetches caused by tokens with unknown key ids are rate-limited, so
 * that a flood of forged tokens cannot make this cell flood its peers.
 */
public final class PeerKeySets {
    private static final Logger LOG = LoggerFactory.getLogger(PeerKeySets.class);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(3);

    private final String ownCellId;
    private final List<URI> urls;
    private final Clock clock;
    private final Duration minRefetchInterval;
    private final HttpClient http;
    private final Map<URI, Map<String, VerificationKey>> keysByPeer = new ConcurrentHashMap<>();
    private volatile Map<String, VerificationKey> keys = Map.of();
    private Instant lastFetch = Instant.MIN;
    private CompletableFuture<Void> fetching;

    public PeerKeySets(String ownCellId, List<URI> urls, Clock clock, Duration minRefetchInterval) {
        this.ownCellId = requireNonNull(ownCellId, "ownCellId is null");
        this.urls = List.copyOf(requireNonNull(urls, "urls is null"));
        this.clock = requireNonNull(clock, "clock is null");
        this.minRefetchInterval = requireNonNull(minRefetchInterval, "minRefetchInterval is null");
        this.http = HttpClient.newBuilder().connectTimeout(FETCH_TIMEOUT).build();
    }

    public Optional<VerificationKey> find(String kid) {
        return Optional.ofNullable(keys.get(kid));
    }

    /** Fetches every peer's keys now (joining a fetch already under way). */
    public synchronized CompletableFuture<Void> fetch() {
        if (fetching != null && !fetching.isDone()) {
            return fetching;
        }
        lastFetch = clock.instant();
        fetching = CompletableFuture.allOf(urls.stream().map(this::fetch).toArray(CompletableFuture[]::new))
                .thenRun(this::publish);
        return fetching;
    }

    /**
     * Fetches the keys of the peers not heard from yet. A cell starting beside its peers finds some of them not
     * up; their keys must be in hand before those peers can fail, because a failover brings their members' tokens
     * here exactly when they can no longer be asked.
     */
    public synchronized CompletableFuture<Void> fetchMissing() {
        if (fetching != null && !fetching.isDone()) {
            return fetching;
        }
        List<URI> missing = urls.stream().filter(url -> !keysByPeer.containsKey(url)).toList();
        if (missing.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        fetching = CompletableFuture.allOf(missing.stream().map(this::fetch).toArray(CompletableFuture[]::new))
                .thenRun(this::publish);
        return fetching;
    }

    /** Whether every peer's keys have been fetched at least once. */
    public boolean heardFromEveryPeer() {
        return urls.stream().allMatch(keysByPeer::containsKey);
    }

    /** Fetches again unless the last fetch was less than the minimum interval ago. */
    public synchronized CompletableFuture<Void> fetchIfDue() {
        if (urls.isEmpty() || clock.instant().isBefore(lastFetch.plus(minRefetchInterval))) {
            return fetching != null ? fetching : CompletableFuture.completedFuture(null);
        }
        return fetch();
    }

    private CompletableFuture<Void> fetch(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(FETCH_TIMEOUT).header("Accept", "application/json").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenAccept(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("answered " + response.statusCode());
                    }
                    keysByPeer.put(url, parse(response.body()));
                })
                .exceptionally(failure -> {
                    LOG.warn("could not fetch peer keys from {}: {}", url, failure.getMessage());
                    return null;
                });
    }

    private Map<String, VerificationKey> parse(String json) {
        JWKSet set;
        try {
            set = JWKSet.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("not a JWKS document", e);
        }
        if (!(set.getAdditionalMembers().get(LocalKeySet.ISSUER_MEMBER) instanceof String issuer) || issuer.isBlank()) {
            throw new IllegalStateException("the JWKS document names no issuer");
        }
        if (issuer.equals(ownCellId)) {
            // Only this cell's own database holds keys for its name; a peer claiming it is misconfigured or worse.
            throw new IllegalStateException("the JWKS document claims to be this cell's own");
        }
        Map<String, VerificationKey> parsed = new HashMap<>();
        for (JWK jwk : set.getKeys()) {
            if (jwk instanceof RSAKey rsaKey && jwk.getKeyID() != null) {
                parsed.put(jwk.getKeyID(), VerificationKey.of(issuer, rsaKey));
            }
        }
        return parsed;
    }

    private void publish() {
        Map<String, VerificationKey> merged = new HashMap<>();
        keysByPeer.values().forEach(merged::putAll);
        keys = Map.copyOf(merged);
    }
}
