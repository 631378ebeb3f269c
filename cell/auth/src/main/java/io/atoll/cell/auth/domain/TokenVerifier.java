package io.atoll.cell.auth.domain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.atoll.cell.contracts.AccessTokenClaims;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static io.atoll.cell.auth.domain.TokenRejectedException.Reason;
import static java.util.Objects.requireNonNull;

/**
 * Decides whether an access token is to be believed: RS256 only, a key the cell knows and that belongs to
 * the token's issuer, the platform's audience, inside its validity window (with a small clock-skew
 * allowance), and not revoked.
 *
 * <p>Verified tokens are remembered for a short while, because a mobile client sends the same token with
 * every request and a signature verification costs far more than the rest of a decision. Expiry and
 * revocation are checked again on every use of a remembered token.
 */
public final class TokenVerifier {
    /** RFC 9068's type for JWT access tokens, which keeps other JWTs signed with the same keys out. */
    public static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");
    /** How long a verification is remembered, so that a key withdrawn by a peer stops counting soon. */
    private static final Duration REMEMBER_FOR = Duration.ofMinutes(1);

    private final VerificationKeys keys;
    private final RevokedTokens revoked;
    private final Clock clock;
    private final String audience;
    private final Duration clockSkew;
    private final Cache<String, VerifiedToken> verified;

    public TokenVerifier(VerificationKeys keys, RevokedTokens revoked, Clock clock, String audience,
                         Duration clockSkew, int cacheSize) {
        this.keys = requireNonNull(keys, "keys is null");
        this.revoked = requireNonNull(revoked, "revoked is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.audience = requireNonNull(audience, "audience is null");
        this.clockSkew = requireNonNull(clockSkew, "clockSkew is null");
        this.verified = cacheSize == 0 ? null
                : Caffeine.newBuilder().maximumSize(cacheSize).expireAfterWrite(REMEMBER_FOR).build();
    }

    /**
     * Verifies a token, fetching the peers' keys again first when it names a key not known yet; the future
     * fails with a {@link TokenRejectedException} for a token not to be believed.
     */
    public CompletableFuture<VerifiedToken> verify(String token) {
        try {
            return CompletableFuture.completedFuture(verifyWithKnownKeys(token));
        } catch (TokenRejectedException e) {
            if (e.reason() != Reason.UNKNOWN_KEY) {
                return CompletableFuture.failedFuture(e);
            }
            return keys.lookAgain().thenApply(ignored -> verifyWithKnownKeys(token));
        }
    }

    /**
     * A token verified before and still valid now (not expired, not revoked), found without verifying
     * anything again; empty for any other token, which {@link #verify} then decides.
     */
    public Optional<VerifiedToken> remembered(String token) {
        VerifiedToken cached = verified == null ? null : verified.getIfPresent(token);
        if (cached == null) {
            return Optional.empty();
        }
        try {
            checkStillValid(cached);
            return Optional.of(cached);
        } catch (TokenRejectedException e) {
            return Optional.empty();
        }
    }

    /** Verifies a token against the keys known now, without fetching any. */
    public VerifiedToken verifyWithKnownKeys(String token) {
        VerifiedToken cached = verified == null ? null : verified.getIfPresent(token);
        VerifiedToken result = cached != null ? cached : verifySignatureAndClaims(token);
        checkStillValid(result);
        if (verified != null && cached == null) {
            verified.put(token, result);
        }
        return result;
    }

    private VerifiedToken verifySignatureAndClaims(String token) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            // Parsing refuses "alg": "none" outright: an unsecured JWT has no JWS header.
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
        JWSHeader header = jwt.getHeader();
        // The algorithm is fixed here, never taken from the token: this is what defeats key confusion
        // (an HS256 token "signed" with a public key) whatever the key set holds.
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            throw new TokenRejectedException(Reason.UNSUPPORTED_ALGORITHM);
        }
        if (!ACCESS_TOKEN_TYPE.equals(header.getType())) {
            throw new TokenRejectedException(Reason.WRONG_TYPE);
        }
        VerificationKey key = Optional.ofNullable(header.getKeyID()).flatMap(keys::find)
                .orElseThrow(() -> new TokenRejectedException(Reason.UNKNOWN_KEY));
        try {
            if (!jwt.verify(key.verifier())) {
                throw new TokenRejectedException(Reason.BAD_SIGNATURE);
            }
        } catch (JOSEException e) {
            throw new TokenRejectedException(Reason.BAD_SIGNATURE);
        }
        if (!key.issuer().equals(claims.getIssuer())) {
            throw new TokenRejectedException(Reason.WRONG_ISSUER);
        }
        List<String> audiences = claims.getAudience();
        if (audiences == null || !audiences.contains(audience)) {
            throw new TokenRejectedException(Reason.WRONG_AUDIENCE);
        }
        try {
            Instant issuedAt = instant(claims.getIssueTime());
            Instant notBefore = claims.getNotBeforeTime() != null ? claims.getNotBeforeTime().toInstant() : issuedAt;
            return new VerifiedToken(required(claims.getSubject()), Scopes.parse(required(claims.getStringClaim("scope"))),
                    required(claims.getStringClaim(AccessTokenClaims.HOME_CELL)), claims.getIssuer(), required(claims.getJWTID()),
                    instant(claims.getExpirationTime()), notBefore.isAfter(issuedAt) ? notBefore : issuedAt);
        } catch (ParseException | IllegalArgumentException e) {
            throw new TokenRejectedException(Reason.MISSING_CLAIM);
        }
    }

    private void checkStillValid(VerifiedToken token) {
        Instant now = clock.instant();
        if (!now.isBefore(token.expiresAt().plus(clockSkew))) {
            throw new TokenRejectedException(Reason.EXPIRED);
        }
        if (now.plus(clockSkew).isBefore(token.notBefore())) {
            throw new TokenRejectedException(Reason.NOT_YET_VALID);
        }
        if (revoked.isRevoked(token.jti())) {
            throw new TokenRejectedException(Reason.REVOKED);
        }
    }

    private static String required(String value) {
        if (value == null || value.isBlank()) {
            throw new TokenRejectedException(Reason.MISSING_CLAIM);
        }
        return value;
    }

    private static Instant instant(Date date) {
        if (date == null) {
            throw new TokenRejectedException(Reason.MISSING_CLAIM);
        }
        return date.toInstant();
    }
}
