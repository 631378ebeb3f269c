package io.atoll.router.domain;

import io.atoll.cell.contracts.AccessTokenClaims;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;

import java.text.ParseException;
import java.util.Optional;

/**
 * Reads the {@code home_cell} claim of a bearer token without verifying the token. Routing needs only a
 * hint: the cell verifies every token itself, so a forged claim only sends a request to a cell that rejects it.
 */
public final class HomeCellClaim {
    private static final String BEARER = "Bearer ";

    private HomeCellClaim() {
    }

    /** The home cell named by the token in this {@code Authorization} header, if it is a JWT that names one. */
    public static Optional<String> read(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return ofToken(authorization.substring(BEARER.length()).trim());
    }

    /** The home cell named by this token, if it is a JWT that names one. */
    public static Optional<String> ofToken(String token) {
        if (token == null) {
            return Optional.empty();
        }
        try {
            JWT jwt = JWTParser.parse(token);
            Object claim = jwt.getJWTClaimsSet().getClaim(AccessTokenClaims.HOME_CELL);
            return claim instanceof String cell && !cell.isBlank() ? Optional.of(cell) : Optional.empty();
        } catch (ParseException notAJwt) {
            return Optional.empty();
        }
    }
}
