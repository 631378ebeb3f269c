package io.atoll.cell.auth.config;

import io.atoll.cell.auth.domain.AccessPolicy;
import io.atoll.cell.auth.domain.AddressThrottle;
import io.atoll.cell.auth.domain.FailureLimit;
import io.atoll.cell.auth.domain.LocalKeySet;
import io.atoll.cell.auth.domain.MemberScopes;
import io.atoll.cell.auth.domain.PathPattern;
import io.atoll.cell.auth.domain.PeerKeySets;
import io.atoll.cell.auth.domain.PolicyRule;
import io.atoll.cell.auth.domain.RequestAuthorizer;
import io.atoll.cell.auth.domain.RevokedTokenList;
import io.atoll.cell.auth.domain.Scopes;
import io.atoll.cell.auth.domain.SecretHasher;
import io.atoll.cell.auth.domain.TokenIssuer;
import io.atoll.cell.auth.domain.TokenVerifier;
import io.atoll.cell.auth.domain.TrustedKeys;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;

/** Makes the domain's framework-free objects from the settings. */
@Factory
final class AuthBeans {
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    @Named("cellId")
    String cellId(CellSettings cell) {
        return cell.id();
    }

    @Singleton
    @Named("refreshTokenTtl")
    Duration refreshTokenTtl(AuthSettings settings) {
        return settings.refreshTokenTtl();
    }

    /** A retired key stays published as long as a token it signed can still be accepted. */
    @Singleton
    @Named("retiredKeyPublication")
    Duration retiredKeyPublication(AuthSettings settings) {
        return settings.accessTokenTtl().plus(settings.clockSkew());
    }

    @Singleton
    MemberScopes memberScopes(AuthSettings settings) {
        return new MemberScopes(Scopes.of(settings.memberScopes()));
    }

    @Singleton
    SecretHasher secretHasher(PasswordHashSettings settings) {
        return new SecretHasher(settings.memoryKib(), settings.iterations(), settings.parallelism());
    }

    /** The limit on one account's failed sign-ins; the address limit is the address throttle's own. */
    @Singleton
    FailureLimit accountFailureLimit(LoginThrottleSettings settings) {
        return new FailureLimit(settings.accountMaxFailures(), settings.window(), settings.lockout());
    }

    @Singleton
    AddressThrottle addressThrottle(Clock clock, LoginThrottleSettings settings) {
        return new AddressThrottle(clock, new FailureLimit(settings.addressMaxFailures(), settings.window(), settings.lockout()));
    }

    @Singleton
    AccessPolicy accessPolicy(List<PolicyRuleSettings> rules) {
        return new AccessPolicy(rules.stream()
                .map(rule -> new PolicyRule(new HashSet<>(rule.getMethods()), new PathPattern(rule.getPath()),
                        Scopes.of(rule.getScopes()), rule.isAnonymous()))
                .toList());
    }

    @Singleton
    PeerKeySets peerKeySets(CellSettings cell, AuthSettings settings, Clock clock) {
        return new PeerKeySets(cell.id(), settings.peerJwksUrls(), clock, settings.peerJwksMinRefetchInterval());
    }

    @Singleton
    TokenVerifier tokenVerifier(LocalKeySet localKeys, PeerKeySets peerKeys, RevokedTokenList revoked, Clock clock, AuthSettings settings) {
        return new TokenVerifier(new TrustedKeys(localKeys, peerKeys), revoked, clock, settings.audience(), settings.clockSkew(),
                settings.verifiedTokenCacheSize());
    }

    @Singleton
    TokenIssuer tokenIssuer(LocalKeySet localKeys, Clock clock, CellSettings cell, AuthSettings settings) {
        return new TokenIssuer(localKeys::active, clock, cell.id(), settings.audience(), settings.accessTokenTtl());
    }

    @Singleton
    RequestAuthorizer requestAuthorizer(AccessPolicy policy, TokenVerifier verifier) {
        return new RequestAuthorizer(policy, verifier);
    }
}
