package io.atoll.cell.auth.domain;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.atoll.cell.contracts.AccessTokenClaims;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/** Signs this cell's access tokens with its active key. */
public final class TokenIssuer {
    private final Supplier<SigningKey> activeKey;
    private final Clock clock;
    private final String cellId;
    private final String audience;
    private final Duration lifetime;

    public TokenIssuer(Supplier<SigningKey> activeKey, Clock clock, String cellId, String audience, Duration lifetime) {
        this.activeKey = requireNonNull(activeKey, "activeKey is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.cellId = requireNonNull(cellId, "cellId is null");
        this.audience = requireNonNull(audience, "audience is null");
        this.lifetime = requireNonNull(lifetime, "lifetime is null");
    }

    /** An access token for an account of this cell. */
    public IssuedAccessToken issue(String subject, Scopes scopes) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        String jti = UUID.randomUUID().toString();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(cellId)
                .subject(subject)
                .audience(audience)
                .claim("scope", scopes.toString())
                .claim(AccessTokenClaims.HOME_CELL, cellId)
                .jwtID(jti)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .build();
        return new IssuedAccessToken(sign(claims), jti, expiresAt);
    }

    /** Signs the given claims as an access token with the active key. */
    public String sign(JWTClaimsSet claims) {
        SigningKey key = activeKey.get();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.kid())
                .type(TokenVerifier.ACCESS_TOKEN_TYPE)
                .build(), claims);
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing with key " + key.kid() + " failed", e);
        }
        return jwt.serialize();
    }

    public Duration lifetime() {
        return lifetime;
    }
}
