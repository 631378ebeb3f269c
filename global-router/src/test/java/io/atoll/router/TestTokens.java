package io.atoll.router;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** A cell's signing key, made up for a test: it signs member and operator tokens and publishes its JWKS. */
final class TestTokens {
    private final String cellId;
    private final ECKey key;

    TestTokens(String cellId) {
        this.cellId = cellId;
        try {
            this.key = new ECKeyGenerator(Curve.P_256).keyID(cellId + "-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /** An access token of a member whose home is the given cell. */
    String member(String homeCell) {
        return sign(new JWTClaimsSet.Builder().subject("member-" + UUID.randomUUID()).claim("home_cell", homeCell)
                .claim("scope", "app:use"));
    }

    String withScope(String scope) {
        return sign(new JWTClaimsSet.Builder().subject("operator-" + UUID.randomUUID()).claim("scope", scope));
    }

    String operator() {
        return withScope("app:use atoll:operator");
    }

    private String sign(JWTClaimsSet.Builder claims) {
        Instant now = Instant.now();
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                claims.issuer(cellId).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5)))).build());
        try {
            token.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return token.serialize();
    }
}
