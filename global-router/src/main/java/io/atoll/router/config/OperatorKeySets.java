package io.atoll.router.config;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.token.jwt.nimbus.ReactiveJwksSignature;
import io.micronaut.security.token.jwt.signature.ReactiveSignatureConfiguration;
import io.micronaut.security.token.jwt.signature.jwks.JwkSetFetcher;
import io.micronaut.security.token.jwt.signature.jwks.JwkValidator;
import io.micronaut.security.token.jwt.signature.jwks.JwksSignatureConfiguration;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Verifies operator tokens against the keys of every configured JWKS document ({@code atoll.router.operator-jwks-urls}),
 * accepting ES256 and RS256 signatures only. One bean for the whole list, because micronaut-security-jwt names
 * its JWKS sources one property group at a time; the fetching and caching are micronaut-security-jwt's own.
 */
@Singleton
final class OperatorKeySets implements ReactiveSignatureConfiguration<SignedJWT> {
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256);
    private static final int CACHE_SECONDS = 60;

    private final List<ReactiveJwksSignature> keySets;

    OperatorKeySets(RouterSettings settings, JwkValidator validator, JwkSetFetcher<JWKSet> fetcher) {
        this.keySets = IntStream.range(0, settings.operatorJwksUrls().size())
                .mapToObj(index -> new ReactiveJwksSignature(
                        new OperatorJwks("operator-jwks-" + index, settings.operatorJwksUrls().get(index).toString()), validator, fetcher))
                .toList();
    }

    @Override
    public Publisher<Boolean> verify(SignedJWT token) {
        if (!ALGORITHMS.contains(token.getHeader().getAlgorithm())) {
            return Mono.just(false);
        }
        return Flux.fromIterable(keySets).concatMap(keySet -> Mono.from(keySet.verify(token))).any(Boolean::booleanValue);
    }

    private record OperatorJwks(String name, String url) implements JwksSignatureConfiguration {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getUrl() {
            return url;
        }

        @Override
        public KeyType getKeyType() {
            return null;
        }

        @Override
        public Integer getCacheExpiration() {
            return CACHE_SECONDS;
        }
    }
}
