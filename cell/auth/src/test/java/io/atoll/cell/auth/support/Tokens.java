package io.atoll.cell.auth.support;

import com.nimbusds.jwt.JWTClaimsSet;
import io.atoll.cell.auth.domain.TokenIssuer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Claims of a well-formed access token of a cell, for tests to spoil one at a time. */
public final class Tokens {
    private Tokens() {
    }

    public static JWTClaimsSet.Builder validClaims(String cellId, Clock clock) {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .issuer(cellId)
                .subject(UUID.randomUUID().toString())
                .audience("atoll")
                .claim("scope", "app")
                .claim("home_cell", cellId)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
    }

    /** Signs claims with the cell's active key, as the cell itself would. */
    public static String signed(AuthCell cell, JWTClaimsSet.Builder claims) {
        return cell.bean(TokenIssuer.class).sign(claims.build());
    }
}
